package dk.helhed;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Import;

@SpringBootTest
@AutoConfigureMockMvc
@Import(TenantQueriesTests.Recording.class)
class TenantQueriesOnH2Tests extends TenantQueriesTests {
}
