package dk.helhed.citizen.internal;

import org.springframework.boot.test.context.SpringBootTest;

@SpringBootTest
class ErasureAcrossModulesOnH2Tests extends ErasureAcrossModulesTests {
}
