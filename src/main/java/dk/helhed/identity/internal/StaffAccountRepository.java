package dk.helhed.identity.internal;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.data.repository.ListCrudRepository;

/** The staff accounts as aggregates, each with its roles and units. */
interface StaffAccountRepository extends ListCrudRepository<StaffAccount, UUID> {

	List<StaffAccount> findByMunicipalityId(UUID municipalityId);

	Optional<StaffAccount> findByMunicipalityIdAndId(UUID municipalityId, UUID id);

}
