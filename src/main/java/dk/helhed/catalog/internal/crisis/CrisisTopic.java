package dk.helhed.catalog.internal.crisis;

/**
 * What a crisis is about, as far as the help to show depends on it. {@link #ALWAYS} marks the lines of the short box
 * on every public page; a line marked only {@code ALWAYS} (such as 112) is also in every crisis box.
 */
public enum CrisisTopic {
	SUICIDE, VIOLENCE, OVERDOSE, HOMELESSNESS, ALWAYS
}
