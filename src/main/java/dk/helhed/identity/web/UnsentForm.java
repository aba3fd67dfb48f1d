package dk.helhed.identity.web;

import java.io.Serializable;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Pattern;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;

/**
 * A staff form that arrived after its session had expired: what was written is kept in the visitor's new session (never
 * in an address or a log) until the same staff member has logged in again and sent it, or thrown it away. Only the
 * staff member named in the form's owner field (which every staff form carries, see {@link FormOwnerField}) gets it
 * back; anyone else who logs in at that browser never sees it.
 * <p>
 * Passwords are never kept; nor are uploads (the file is still on the person's computer).
 */
record UnsentForm(String path, Map<String, List<String>> fields, UUID ownerId, Instant postedAt)
		implements Serializable {

	static final String SESSION_ATTRIBUTE = UnsentForm.class.getName();

	/** The name of the hidden field with which every staff form names who filled it in. */
	static final String OWNER_FIELD = "_afsender";

	/** What a form may hold to be kept: the largest form the application accepts, with room to spare. */
	static final int MAX_CHARACTERS = 300_000;

	static final int MAX_FIELDS = 300;

	/** Addresses in the staff area with a plain path: letters, digits, hyphens and slashes, nothing else. */
	private static final Pattern STAFF_PATH = Pattern.compile("/personale(/[a-z0-9-]{1,80}){1,8}");

	/** Fields never kept: secrets, and what the form machinery adds of its own. */
	private static boolean kept(String field) {
		var name = field.toLowerCase(Locale.ROOT);
		return !name.contains("password") && !name.equals("_csrf") && !name.equals(OWNER_FIELD);
	}

	/** The addresses whose forms are not kept: the session's own, and the confirmation of who one is and new passwords. */
	private static boolean keepsFormsOf(String path) {
		return STAFF_PATH.matcher(path).matches() && !path.startsWith("/personale/bekraeft")
				&& !path.endsWith("/adgangskode")
				&& !path.startsWith(SessionController.KEEP_ALIVE) && !path.startsWith(SessionController.RESTORE);
	}

	/** The form of this request, if it is one that can be kept. */
	static Optional<UnsentForm> of(HttpServletRequest request, Instant now) {
		var contentType = request.getContentType();
		if (!"POST".equals(request.getMethod()) || contentType == null
				|| !contentType.toLowerCase(Locale.ROOT).startsWith("application/x-www-form-urlencoded")) {
			return Optional.empty();
		}
		var path = request.getRequestURI();
		if (!keepsFormsOf(path)) {
			return Optional.empty();
		}
		var owner = parseOwner(request.getParameter(OWNER_FIELD));
		if (owner == null) {
			return Optional.empty();
		}
		Map<String, List<String>> fields = new LinkedHashMap<>();
		long characters = 0;
		for (var entry : request.getParameterMap().entrySet()) {
			if (!kept(entry.getKey())) {
				continue;
			}
			var values = new ArrayList<String>();
			for (var value : entry.getValue()) {
				characters += entry.getKey().length() + value.length();
				values.add(value);
			}
			fields.put(entry.getKey(), List.copyOf(values));
		}
		if (characters > MAX_CHARACTERS || fields.size() > MAX_FIELDS) {
			return Optional.empty();
		}
		return Optional.of(new UnsentForm(path, Map.copyOf(fields), owner, now));
	}

	private static UUID parseOwner(String value) {
		if (value == null || value.length() != 36) {
			return null;
		}
		try {
			return UUID.fromString(value);
		}
		catch (IllegalArgumentException ex) {
			return null;
		}
	}

	static Optional<UnsentForm> in(HttpSession session) {
		return session != null && session.getAttribute(SESSION_ATTRIBUTE) instanceof UnsentForm form ? Optional.of(form)
				: Optional.empty();
	}

	static void forget(HttpSession session) {
		if (session != null) {
			session.removeAttribute(SESSION_ATTRIBUTE);
		}
	}

	void keepIn(HttpSession session) {
		session.setAttribute(SESSION_ATTRIBUTE, this);
	}

	boolean belongsTo(UUID staffId) {
		return ownerId.equals(staffId);
	}

	/** The first value of a field, or an empty text. */
	String value(String field) {
		var values = fields.get(field);
		return values == null || values.isEmpty() ? "" : values.getFirst();
	}
}
