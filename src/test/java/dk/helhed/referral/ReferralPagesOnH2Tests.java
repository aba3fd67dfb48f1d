package dk.helhed.referral;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;

@SpringBootTest
@AutoConfigureMockMvc
class ReferralPagesOnH2Tests extends ReferralPagesTests {
}
