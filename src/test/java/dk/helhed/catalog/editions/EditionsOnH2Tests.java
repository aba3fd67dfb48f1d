package dk.helhed.catalog.editions;

import org.springframework.boot.test.context.SpringBootTest;

@SpringBootTest
class EditionsOnH2Tests extends EditionsTests {
}
