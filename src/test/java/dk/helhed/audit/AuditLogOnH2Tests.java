package dk.helhed.audit;

import org.springframework.boot.test.context.SpringBootTest;

@SpringBootTest
@org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc
class AuditLogOnH2Tests extends AuditLogTests {
}
