package dk.helhed.catalog.search;

import org.springframework.boot.test.context.SpringBootTest;

@SpringBootTest
class SearchQualityOnH2Tests extends SearchQualityTests {
}
