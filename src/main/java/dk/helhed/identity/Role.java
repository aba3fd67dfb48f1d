package dk.helhed.identity;

/**
 * What a staff member may do. Roles are held within one municipality; unit-bound roles act for the units the staff
 * member belongs to.
 */
public enum Role {

	/** Manages users and settings of the municipality. */
	ADMINISTRATOR,

	/** Edits the municipality's catalog, approves or rejects proposed changes, publishes editions. */
	CATALOG_EDITOR,

	/** Proposes changes to the services their units own and updates their free places. */
	UNIT_EDITOR,

	/** Works with citizens in their units' cases: registers them, records consent, writes notes. */
	CASEWORKER,

	/** Meets citizens where they are; may register anonymous contacts. */
	OUTREACH_WORKER,

	/** Leads a unit: may record a legal basis for sharing, and sees emergency access by the unit's staff. */
	TEAM_LEAD,

	/** Searches the audit log and answers citizens' access requests; sees no case data by that role alone. */
	DATA_PROTECTION_OFFICER,

	/** May see information about criminal matters where a basis covers it (GDPR art. 10: a permission of its own). */
	CRIMINAL_MATTERS,

	/**
	 * Runs the municipality's participation bodies (dialogue forum, councils): plans meetings, publishes minutes,
	 * answers citizens' proposals and moderates them (never their own).
	 */
	PARTICIPATION_COORDINATOR;

	public String authority() {
		return "ROLE_" + name();
	}
}
