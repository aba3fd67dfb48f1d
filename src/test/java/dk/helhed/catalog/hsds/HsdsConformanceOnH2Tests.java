package dk.helhed.catalog.hsds;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;

@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
class HsdsConformanceOnH2Tests extends HsdsConformanceTests {
}
