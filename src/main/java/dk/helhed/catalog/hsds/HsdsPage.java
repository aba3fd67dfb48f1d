package dk.helhed.catalog.hsds;

import java.util.List;
import java.util.function.Function;

import com.fasterxml.jackson.annotation.JsonProperty;

import dk.helhed.platform.InvalidRequestException;

/**
 * One page of a list, as the HSDS API reference defines it (the {@code Page} schema of its {@code openapi.json}).
 * {@code size} is the number of entries on this page, and {@code empty} says whether this page has none, so a page
 * past the end is an empty page rather than an error.
 */
record HsdsPage<T>(@JsonProperty("total_items") int totalItems, @JsonProperty("total_pages") int totalPages,
		@JsonProperty("page_number") int pageNumber, int size, @JsonProperty("first_page") boolean firstPage,
		@JsonProperty("last_page") boolean lastPage, boolean empty, List<T> contents) {

	static final int DEFAULT_PER_PAGE = 50;
	static final int MAX_PER_PAGE = 200;

	/** The page of {@code all} that the request asks for, each entry mapped only if it is on the page. */
	static <S, T> HsdsPage<T> of(List<S> all, Request request, Function<S, T> mapping) {
		long from = (long) (request.page() - 1) * request.perPage();
		var contents = from >= all.size() ? List.<T>of()
				: all.subList((int) from, (int) Math.min(all.size(), from + request.perPage()))
					.stream()
					.map(mapping)
					.toList();
		int totalPages = (all.size() + request.perPage() - 1) / request.perPage();
		return new HsdsPage<>(all.size(), totalPages, request.page(), contents.size(), request.page() == 1,
				request.page() >= totalPages, contents.isEmpty(), contents);
	}

	/** Which page, and how many entries a page holds. */
	record Request(int page, int perPage) {

		static Request parse(String page, String perPage) {
			return new Request(number("page", page, 1, Integer.MAX_VALUE, 1),
					number("per_page", perPage, DEFAULT_PER_PAGE, MAX_PER_PAGE, 1));
		}

		private static int number(String name, String value, int fallback, int max, int min) {
			if (value == null || value.isBlank()) {
				return fallback;
			}
			var message = max == Integer.MAX_VALUE
					? "Parameteren \"" + name + "\" skal være et helt tal på mindst " + min + "."
					: "Parameteren \"" + name + "\" skal være et helt tal fra " + min + " til " + max + ".";
			try {
				int number = Integer.parseInt(value.strip());
				if (number < min || number > max) {
					throw new InvalidRequestException(message);
				}
				return number;
			}
			catch (NumberFormatException ex) {
				throw new InvalidRequestException(message);
			}
		}
	}
}
