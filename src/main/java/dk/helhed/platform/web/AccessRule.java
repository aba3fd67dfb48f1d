package dk.helhed.platform.web;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Who may call a web endpoint (security.md item 1: deny by default, decided on the server). Every request handler of
 * the application declares one, on the method or on its class. The application does not start while a handler has
 * none, a request to one would be refused, and the authorization matrix test calls every endpoint as every role in
 * every relation to the data and checks each answer against the rule.
 * <p>
 * The {@link #value() audience} is enforced for every request before the handler runs. The {@link #scope() scope}
 * names the policy that decides about the record the request addresses; the handler's module applies it, because it
 * needs the record: case work's access policy for a citizen, catalog editing for a service.
 */
@Target({ ElementType.METHOD, ElementType.TYPE })
@Retention(RetentionPolicy.RUNTIME)
@Documented
public @interface AccessRule {

	/** Who may call the endpoint at all. */
	Audience value();

	/** Which record the endpoint addresses, and so which policy decides about it. */
	Scope scope() default Scope.NONE;

	/**
	 * The endpoint shows, searches, changes or exports personal data without addressing one citizen by id (the audit
	 * log, a citizen's access account, the emergency-access review). Endpoints with a citizen scope always do.
	 */
	boolean personalData() default false;

	/**
	 * Who may call an endpoint: everyone, or signed-in staff with one of the audience's roles. The identity module
	 * knows the roles and enforces the audience.
	 */
	enum Audience {

		/** Anyone, without signing in: the public catalog, its API, the login page. Never personal data. */
		EVERYONE,

		/** Any signed-in member of staff, whatever their roles. */
		STAFF,

		/** Catalog editors. */
		CATALOG_EDITORS,

		/** Staff who work with citizens: caseworkers, outreach workers and team leads. */
		CASE_WORKERS,

		/** Team leads. */
		TEAM_LEADS,

		/** Data-protection officers. */
		DATA_PROTECTION_OFFICERS,

		/** Administrators of the municipality's users and settings. */
		ADMINISTRATORS,

		/** Participation coordinators: meetings, minutes, answers to and moderation of citizens' proposals. */
		PARTICIPATION_COORDINATORS
	}

	/** The record an endpoint addresses, by its {@code {id}} path variable or by a criterion. */
	enum Scope {

		/** No record: the audience decides alone. */
		NONE(false),

		/**
		 * The catalog service {@code {id}} of the staff member's municipality, which its editors may work on: a catalog
		 * editor, a unit editor of the owning unit (or of a unit above it), or the service's owner.
		 */
		SERVICE(false),

		/** The proposed change {@code {id}} of the staff member's municipality: catalog editors and its proposer. */
		CHANGE_REQUEST(false),

		/** The citizen {@code {id}}, as far as the access policy lets the staff member see the citizen. */
		CITIZEN(true),

		/** The citizen {@code {id}}'s case: only staff of a unit or organisation involved in it. */
		CITIZEN_CASE(true),

		/**
		 * Citizens found by a criterion (a CPR number, a name): the answer never shows or reveals a citizen the access
		 * policy does not let the staff member see.
		 */
		CITIZEN_LOOKUP(true),

		/** The emergency access {@code {id}} by staff of the team lead's units. */
		EMERGENCY_ACCESS(true),

		/** The staff account {@code {id}} of the administrator's own municipality; any other is not found. */
		STAFF_ACCOUNT(false),

		/**
		 * The participation record {@code {id}} (a citizen's proposal or a meeting) of the staff member's
		 * municipality; any other is not found. Proposals are not citizen records.
		 */
		PARTICIPATION(false);

		private final boolean citizen;

		Scope(boolean citizen) {
			this.citizen = citizen;
		}

		/** The scope is a citizen's data. */
		public boolean isCitizen() {
			return citizen;
		}
	}
}
