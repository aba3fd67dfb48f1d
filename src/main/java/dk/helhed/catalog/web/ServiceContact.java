package dk.helhed.catalog.web;

import java.util.List;

import org.springframework.stereotype.Component;

import dk.helhed.catalog.Service;
import dk.helhed.catalog.internal.CatalogSnapshot;
import dk.helhed.municipality.ContactPhones;
import dk.helhed.municipality.OrganisationalUnit;
import dk.helhed.municipality.PhoneFact;

/**
 * The number to call for a service that has no phone of its own: its owning unit's (or the nearest parent unit's
 * with one), else the municipality's main number; each a dated fact with its public source ({@link ContactPhones}).
 * Used by the service page, the print view and the PDF catalog, so they all show the same number.
 */
@Component("serviceContact")
public class ServiceContact {

	/** A number to call, and whose it is ({@code unitName} null when it is the municipality's). */
	public record Fallback(String unitName, PhoneFact phone) {
	}

	private final ContactPhones phones;

	ServiceContact(ContactPhones phones) {
		this.phones = phones;
	}

	/** The service's own number: its phone, else the first of its contacts' phones; null when it has none. */
	public String ownPhone(Service service) {
		if (service.phone() != null) {
			return service.phone();
		}
		return service.contacts().stream().map(Service.Contact::phone).filter(phone -> phone != null).findFirst()
			.orElse(null);
	}

	/** Where to call when the service has no number of its own; null when neither a unit nor the municipality has one. */
	public Fallback fallback(CatalogSnapshot catalog, Service service) {
		var slug = catalog.municipality().slug();
		if (service.owningUnitId() != null) {
			List<OrganisationalUnit> path = catalog.unitPath(service.owningUnitId());
			for (int i = path.size() - 1; i >= 0; i--) {
				var unit = path.get(i);
				var phone = phones.ofUnit(slug, unit.key());
				if (phone.isPresent()) {
					return new Fallback(unit.name(), phone.get());
				}
			}
		}
		return phones.ofMunicipality(slug).map(phone -> new Fallback(null, phone)).orElse(null);
	}
}
