package dk.helhed.catalog.hsds;

import java.util.HashSet;
import java.util.Set;
import java.util.stream.Stream;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * One record of an uploaded HSDS file (a service, a contact, a row of {@code phones.csv}, ...): its fields, which
 * HSDS table it belongs to, and where it is in the file, so that every message can point to it. Remembers which
 * fields the import read, so that it can say which ones it left out.
 */
final class ImportItem {

	private final String table;
	private final String where;
	private final ObjectNode node;
	private final Set<String> read = new HashSet<>();

	/**
	 * @param table the HSDS table, e.g. {@code service} or {@code contact}
	 * @param where e.g. {@code services.csv, række 3} or {@code services[2].contacts[0]}
	 */
	ImportItem(String table, String where, ObjectNode node) {
		this.table = table;
		this.where = where;
		this.node = node;
	}

	String table() {
		return table;
	}

	ObjectNode node() {
		return node;
	}

	/** Where the record is, with its id if it has one: {@code services.csv, række 3 (id 9f2c…)}. */
	String label() {
		var id = node.get("id");
		if (id == null || !id.isValueNode() || id.asString().isBlank()) {
			return where;
		}
		return where + " (id " + abbreviate(id.asString().strip(), 40) + ")";
	}

	String where() {
		return where;
	}

	/** The field's value; {@code null} if it is missing, {@code null} or empty. */
	JsonNode get(String field) {
		read.add(field);
		var value = node.get(field);
		if (value == null || value.isNull() || value.isMissingNode()
				|| (value.isString() && value.stringValue().isEmpty())) {
			return null;
		}
		return value;
	}

	/** Whether the record has the field at all, even empty: a nested list that is there but empty says "none". */
	boolean has(String field) {
		read.add(field);
		return node.has(field);
	}

	/** Fields the import deliberately does not read, because Helhed makes them itself on export. */
	void ignore(String... fields) {
		read.addAll(Set.of(fields));
	}

	/** The fields with a value that the import did not read: what the file says and Helhed does not keep. */
	Stream<String> unread() {
		return node.propertyNames()
			.stream()
			.filter(field -> !read.contains(field))
			.filter(field -> !empty(node.get(field)));
	}

	/** The id as written in the file, or null. */
	String rawId() {
		var id = node.get("id");
		return id == null || !id.isValueNode() || id.asString().isBlank() ? null : id.asString().strip();
	}

	private static boolean empty(JsonNode value) {
		return value == null || value.isNull() || (value.isString() && value.stringValue().isBlank())
				|| (value.isContainer() && value.isEmpty());
	}

	static String abbreviate(String text, int length) {
		var single = text.replaceAll("\\p{Cntrl}", "?");
		return single.length() <= length ? single : single.substring(0, length) + "…";
	}
}
