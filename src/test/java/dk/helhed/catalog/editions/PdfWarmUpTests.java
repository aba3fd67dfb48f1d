package dk.helhed.catalog.editions;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.availability.ApplicationAvailability;
import org.springframework.boot.availability.AvailabilityChangeEvent;
import org.springframework.boot.availability.ReadinessState;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.event.EventListener;

import dk.helhed.catalog.internal.editions.PdfWarmUp;

/**
 * After a start the PDF renderer is warmed up in the background: the application is ready (accepting traffic)
 * before the warm-up has finished, and the warm-up then finishes without an error.
 */
// one rendering is enough to show the warm-up runs after readiness; more would only cost the build time
@SpringBootTest(properties = { "helhed.catalog.pdf.warm-up=true", "helhed.catalog.pdf.warm-up-rounds=1" })
class PdfWarmUpTests {

	@Autowired
	PdfWarmUp warmUp;

	@Autowired
	ApplicationAvailability availability;

	@Autowired
	ReadinessWatch readiness;

	@Test
	void theApplicationIsReadyBeforeTheWarmUpHasFinishedAndTheWarmUpFinishes() throws Exception {
		assertThat(readiness.warmUpDoneWhenReady.get()).as("warm-up finished when the application became ready")
			.isFalse();
		assertThat(availability.getReadinessState()).isEqualTo(ReadinessState.ACCEPTING_TRAFFIC);

		var millis = warmUp.finished().get(3, TimeUnit.MINUTES);

		assertThat(millis).isPositive();
	}

	@TestConfiguration
	static class Watch {

		@Bean
		ReadinessWatch readinessWatch(PdfWarmUp warmUp) {
			return new ReadinessWatch(warmUp);
		}
	}

	/** Notes whether the warm-up had finished at the moment the application began to accept traffic. */
	static class ReadinessWatch {

		final PdfWarmUp warmUp;
		final AtomicReference<Boolean> warmUpDoneWhenReady = new AtomicReference<>();

		ReadinessWatch(PdfWarmUp warmUp) {
			this.warmUp = warmUp;
		}

		@EventListener
		void on(AvailabilityChangeEvent<ReadinessState> event) {
			if (event.getState() == ReadinessState.ACCEPTING_TRAFFIC) {
				warmUpDoneWhenReady.set(warmUp.finished().isDone());
			}
		}
	}
}
