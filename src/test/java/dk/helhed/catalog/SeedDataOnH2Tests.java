package dk.helhed.catalog;

import org.springframework.boot.test.context.SpringBootTest;

@SpringBootTest
class SeedDataOnH2Tests extends SeedDataTests {
}
