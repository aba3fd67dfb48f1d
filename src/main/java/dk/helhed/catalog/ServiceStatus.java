package dk.helhed.catalog;

/**
 * Whether a service is offered now. A retired service stays in the database (and in earlier editions).
 */
public enum ServiceStatus {
	ACTIVE, RETIRED
}
