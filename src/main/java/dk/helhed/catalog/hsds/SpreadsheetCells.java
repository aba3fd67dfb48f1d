package dk.helhed.catalog.hsds;

import java.util.regex.Pattern;

/**
 * CSV cells that a spreadsheet would read as a formula (OWASP "CSV injection"; security.md item 14a): a cell that
 * begins with {@code =}, {@code +}, {@code -}, {@code @}, a tab or a carriage return is written with a leading
 * apostrophe, which spreadsheets show as text, and the import takes that apostrophe off again. A plain number (such
 * as {@code -5} or {@code +4.5}) is no formula and is left as it is.
 */
final class SpreadsheetCells {

	private static final String FORMULA_STARTS = "=+-@\t\r";

	private static final Pattern NUMBER = Pattern.compile("[+-]?[0-9]+([.,][0-9]+)?");

	private SpreadsheetCells() {
	}

	/** Whether a spreadsheet could read the cell as a formula. */
	static boolean looksLikeFormula(String value) {
		return value != null && !value.isEmpty() && FORMULA_STARTS.indexOf(value.charAt(0)) >= 0
				&& !NUMBER.matcher(value).matches();
	}

	/** The cell as the export writes it. */
	static String escape(String value) {
		return looksLikeFormula(value) ? "'" + value : value;
	}

	/** The cell as the import reads it: the export's apostrophe taken off. */
	static String unescape(String value) {
		return value != null && value.length() > 1 && value.charAt(0) == '\'' && looksLikeFormula(value.substring(1))
				? value.substring(1) : value;
	}
}
