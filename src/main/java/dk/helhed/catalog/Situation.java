package dk.helhed.catalog;

/**
 * Life situations a service is meant for: the structured part of its target group.
 */
public enum Situation {
	HOMELESSNESS, ADDICTION, MENTAL_ILLNESS, PHYSICAL_HEALTH, VETERAN, PRISONER, RELATIVE, OLDER_PERSON, VIOLENCE,
	YOUNG_ADULT, LONELINESS, UNEMPLOYMENT, FINANCES, PARENT, DISABILITY, SEXUAL_ABUSE
}
