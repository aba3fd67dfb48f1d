package dk.helhed.citizen;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * Grounds for access that other modules hold (a live referral). The gate asks every source when it decides, so the
 * decision stays in one place while the module that owns the ground owns its data. A source answers for the
 * citizen's municipality only and must not itself write audit rows.
 */
public interface CaseGrantSource {

	List<CaseGrant> grantsFor(UUID municipalityId, UUID citizenId, LocalDate today);
}
