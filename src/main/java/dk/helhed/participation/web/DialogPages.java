package dk.helhed.participation.web;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import org.springframework.stereotype.Component;

import dk.helhed.municipality.Municipalities;
import dk.helhed.participation.internal.Bodies;
import dk.helhed.participation.internal.Meetings;
import dk.helhed.participation.internal.Proposals;
import dk.helhed.platform.web.PublicPageSource;

/** The public pages of participation, for the sitemap: the same pages DialogController shows without a login. */
@Component
class DialogPages implements PublicPageSource {

	private final Municipalities municipalities;
	private final Bodies bodies;
	private final Meetings meetings;
	private final Proposals proposals;

	DialogPages(Municipalities municipalities, Bodies bodies, Meetings meetings, Proposals proposals) {
		this.municipalities = municipalities;
		this.bodies = bodies;
		this.meetings = meetings;
		this.proposals = proposals;
	}

	@Override
	public List<PublicPage> publicPages() {
		List<PublicPage> pages = new ArrayList<>();
		for (var municipality : municipalities.all()) {
			var root = "/" + municipality.slug() + "/dialog";
			pages.add(PublicPage.of(root));
			for (var body : bodies.of(municipality.id())) {
				pages.add(PublicPage.of(root + "/" + body.key()));
			}
			for (var meeting : meetings.of(municipality.id(), null)) {
				pages.add(PublicPage.of(root + "/moeder/" + meeting.id()));
				pages.add(PublicPage.of(root + "/moeder/" + meeting.id() + "/udskriv"));
			}
			pages.add(PublicPage.of(root + "/forslag"));
			for (var proposal : proposals.publicOf(municipality.id(), null)) {
				var changed = proposal.answerPublishedAt() != null ? proposal.answerPublishedAt()
						: proposal.submittedAt();
				pages.add(new PublicPage(root + "/forslag/" + proposal.number(),
						LocalDate.ofInstant(changed, Meetings.LOCAL_TIME)));
			}
			pages.add(PublicPage.of(root + "/forslag/ny"));
			pages.add(PublicPage.of(root + "/kvittering"));
		}
		return pages;
	}
}
