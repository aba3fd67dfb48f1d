package dk.helhed.catalog.editing;

import org.springframework.boot.test.context.SpringBootTest;

@SpringBootTest
class CatalogEditingOnH2Tests extends CatalogEditingTests {
}
