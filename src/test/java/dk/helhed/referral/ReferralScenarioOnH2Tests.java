package dk.helhed.referral;

import org.springframework.boot.test.context.SpringBootTest;

@SpringBootTest
class ReferralScenarioOnH2Tests extends ReferralScenarioTests {
}
