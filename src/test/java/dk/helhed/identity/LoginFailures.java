package dk.helhed.identity;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import org.springframework.context.event.EventListener;

/**
 * Collects the {@link StaffLoginFailed} events the application publishes, whichever thread handles the request.
 */
class LoginFailures {

	private final List<StaffLoginFailed> events = new CopyOnWriteArrayList<>();

	@EventListener
	void on(StaffLoginFailed event) {
		events.add(event);
	}

	List<StaffLoginFailed> of(String username) {
		return events.stream().filter(event -> event.username().equals(username)).toList();
	}
}
