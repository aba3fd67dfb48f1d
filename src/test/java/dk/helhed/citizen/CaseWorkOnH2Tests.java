package dk.helhed.citizen;

import org.springframework.boot.test.context.SpringBootTest;

@SpringBootTest
class CaseWorkOnH2Tests extends CaseWorkTests {
}
