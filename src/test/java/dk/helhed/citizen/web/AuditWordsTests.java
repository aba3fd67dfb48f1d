package dk.helhed.citizen.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.context.annotation.ClassPathScanningCandidateComponentProvider;
import org.springframework.core.type.filter.AssignableTypeFilter;

import dk.helhed.citizen.CaseResource;

/**
 * Every part of a citizen's case that any module asks the gate about has Danish words in the data-protection
 * officer's audit view and the citizen's access account; a new module's resource without them would show as "–".
 */
class AuditWordsTests {

	@Test
	void everyCaseResourceOfEveryModuleHasDanishWords() throws Exception {
		var scanner = new ClassPathScanningCandidateComponentProvider(false) {
			@Override
			protected boolean isCandidateComponent(
					org.springframework.beans.factory.annotation.AnnotatedBeanDefinition definition) {
				return true;
			}
		};
		scanner.addIncludeFilter(new AssignableTypeFilter(CaseResource.class));
		List<String> missing = new ArrayList<>();
		int resources = 0;
		for (var candidate : scanner.findCandidateComponents("dk.helhed")) {
			var type = Class.forName(candidate.getBeanClassName());
			if (!type.isEnum()) {
				continue;
			}
			for (var constant : type.getEnumConstants()) {
				resources++;
				var name = ((CaseResource) constant).auditName();
				var words = new Labels().resource(name + " 3f2a8c1e-0000-4000-8000-000000000001");
				if ("–".equals(words)) {
					missing.add(type.getSimpleName() + "." + constant + " (\"" + name + "\")");
				}
			}
		}
		System.out.printf("Audit words: %d case resources, %d without Danish words%n", resources, missing.size());
		assertThat(resources).as("the scan finds the modules' resources").isGreaterThan(10);
		assertThat(missing).as("resources the officer's view would show as a dash").isEmpty();
	}
}
