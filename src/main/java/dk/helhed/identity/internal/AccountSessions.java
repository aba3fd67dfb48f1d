package dk.helhed.identity.internal;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.session.FindByIndexNameSessionRepository;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Ends the sessions of an account whose access an administrator has changed or taken away, so that a closed account
 * or a removed role stops working at once rather than when the person next logs in. Sessions are found by the name
 * they are indexed by, which is the account's user name however the person logged in.
 */
@Component
class AccountSessions {

	private static final Logger log = LoggerFactory.getLogger(AccountSessions.class);

	private final ObjectProvider<FindByIndexNameSessionRepository<?>> sessions;

	AccountSessions(ObjectProvider<FindByIndexNameSessionRepository<?>> sessions) {
		this.sessions = sessions;
	}

	/** Ends the account's sessions when the current transaction commits (at once without one). */
	void endAfterCommit(String username) {
		if (TransactionSynchronizationManager.isSynchronizationActive()) {
			TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {

				@Override
				public void afterCommit() {
					end(username);
				}
			});
		}
		else {
			end(username);
		}
	}

	void end(String username) {
		var repository = sessions.getIfAvailable();
		if (repository == null) {
			return;
		}
		var ids = repository.findByPrincipalName(username).keySet();
		ids.forEach(repository::deleteById);
		if (!ids.isEmpty()) {
			log.info("Ended {} session(s) of the staff account {} after an administrator's change", ids.size(),
					username);
		}
	}
}
