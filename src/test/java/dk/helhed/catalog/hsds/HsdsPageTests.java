package dk.helhed.catalog.hsds;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.function.Function;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;

import dk.helhed.platform.InvalidRequestException;

class HsdsPageTests {

	private static final List<Integer> FORTY_TWO = IntStream.rangeClosed(1, 42).boxed().toList();

	@Test
	void aMiddlePageHoldsItsShareAndKnowsItsPlace() {
		var page = HsdsPage.of(FORTY_TWO, HsdsPage.Request.parse("2", "10"), Function.identity());

		assertThat(page.contents()).containsExactly(11, 12, 13, 14, 15, 16, 17, 18, 19, 20);
		assertThat(page).extracting(HsdsPage::totalItems, HsdsPage::totalPages, HsdsPage::pageNumber, HsdsPage::size,
				HsdsPage::firstPage, HsdsPage::lastPage, HsdsPage::empty)
			.containsExactly(42, 5, 2, 10, false, false, false);
	}

	@Test
	void theLastPageHoldsWhatIsLeft() {
		var page = HsdsPage.of(FORTY_TWO, HsdsPage.Request.parse("5", "10"), Function.identity());

		assertThat(page.contents()).containsExactly(41, 42);
		assertThat(page.size()).isEqualTo(2);
		assertThat(page.lastPage()).isTrue();
	}

	@Test
	void aPagePastTheEndIsEmptyNotAnError() {
		var page = HsdsPage.of(FORTY_TWO, HsdsPage.Request.parse("2147483647", "200"), Function.identity());

		assertThat(page.contents()).isEmpty();
		assertThat(page.empty()).isTrue();
		assertThat(page.totalItems()).isEqualTo(42);
	}

	@Test
	void anEmptyListIsOneEmptyFirstAndLastPage() {
		var page = HsdsPage.of(List.of(), HsdsPage.Request.parse(null, null), Function.identity());

		assertThat(page).extracting(HsdsPage::totalItems, HsdsPage::totalPages, HsdsPage::pageNumber,
				HsdsPage::firstPage, HsdsPage::lastPage, HsdsPage::empty)
			.containsExactly(0, 0, 1, true, true, true);
	}

	@Test
	void onlyEntriesOnThePageAreMapped() {
		var mapped = new java.util.ArrayList<Integer>();

		HsdsPage.of(FORTY_TWO, HsdsPage.Request.parse("3", "5"), number -> {
			mapped.add(number);
			return number;
		});

		assertThat(mapped).containsExactly(11, 12, 13, 14, 15);
	}

	@Test
	void defaultsToTheFirstPageOfFifty() {
		assertThat(HsdsPage.Request.parse(null, " ")).isEqualTo(new HsdsPage.Request(1, 50));
		assertThat(HsdsPage.Request.parse(" 3 ", "200")).isEqualTo(new HsdsPage.Request(3, 200));
	}

	@Test
	void refusesPagesAndSizesThatAreNotWholeNumbersInRange() {
		for (var page : List.of("0", "-1", "en", "1.5", "99999999999")) {
			assertThatThrownBy(() -> HsdsPage.Request.parse(page, null)).isInstanceOf(InvalidRequestException.class)
				.hasMessage("Parameteren \"page\" skal være et helt tal på mindst 1.");
		}
		for (var perPage : List.of("0", "201", "alle")) {
			assertThatThrownBy(() -> HsdsPage.Request.parse(null, perPage))
				.isInstanceOf(InvalidRequestException.class)
				.hasMessage("Parameteren \"per_page\" skal være et helt tal fra 1 til 200.");
		}
	}
}
