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
	UNIT_EDITOR;

	public String authority() {
		return "ROLE_" + name();
	}
}
