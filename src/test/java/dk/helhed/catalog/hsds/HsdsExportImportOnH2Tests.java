package dk.helhed.catalog.hsds;

import org.springframework.boot.test.context.SpringBootTest;

@SpringBootTest
class HsdsExportImportOnH2Tests extends HsdsExportImportTests {
}
