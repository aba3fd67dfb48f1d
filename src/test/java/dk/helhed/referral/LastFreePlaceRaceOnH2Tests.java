package dk.helhed.referral;

import org.springframework.boot.test.context.SpringBootTest;

@SpringBootTest
class LastFreePlaceRaceOnH2Tests extends LastFreePlaceRaceTests {
}
