package dk.helhed.catalog.internal.search;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;

import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.miscellaneous.PerFieldAnalyzerWrapper;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.StringField;
import org.apache.lucene.document.TextField;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.DisjunctionMaxQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.PhraseQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.store.ByteBuffersDirectory;

import dk.helhed.catalog.AccessMode;
import dk.helhed.catalog.internal.search.NeedsAnalysis.Word;

/**
 * An in-memory Lucene index of one municipality's services, built from a catalog snapshot and replaced with it.
 */
public final class SearchIndex {

	/** The searchable fields of a service and how much a match in each counts. */
	public enum SearchField {
		NAME(4.0f), SUMMARY(2.0f), TARGET_GROUP(1.5f), FOCUS_AREAS(1.5f), SITUATIONS(1.5f), DESCRIPTION(1.0f),
		ORGANISATION(0.8f), ACCESS(0.5f), FACTS(0.3f);

		final float weight;

		SearchField(float weight) {
			this.weight = weight;
		}

		/** The words of the field. */
		String field() {
			return name().toLowerCase();
		}

		/** The parts of the compound words of the field. */
		String parts() {
			return field() + "_parts";
		}
	}

	/**
	 * A document to index: a service's id, its text per field, and how a citizen gets it (a service for
	 * professionals, a forum or a function for staff, comes after the others; one that may be contacted without a
	 * name comes first for a person who wants to stay anonymous).
	 */
	public record Entry(UUID id, Map<SearchField, String> text, AccessMode access) {

		public Entry(UUID id, Map<SearchField, String> text) {
			this(id, text, AccessMode.OPEN);
		}
	}

	/** A service found, with its relevance score. */
	public record Hit(UUID id, float score) {
	}

	/**
	 * One thing a person asks about: a word, or a phrase the synonym list knows, with the query that finds it and how
	 * much it counts.
	 */
	record Concept(List<String> stems, Query query, float weight) {
	}

	// A need is said in a sentence or two; the words after these add nothing but time.
	private static final int MAX_WORDS = 24;

	// No word is that long; a longer one is not worth the cost of finding words near it.
	private static final int MAX_FUZZY_LENGTH = 30;
	// A concept is looked for in every field and its compound parts, so its alternatives are multiplied by 18; Lucene
	// refuses a query of more than 1024 clauses.
	private static final int MAX_SYNONYMS = 40;
	// A misspelling that is as near to many words as to one says little about which it is.
	private static final int MAX_NEAREST = 5;

	// Words the person typed count more than the words the synonym list adds for them.
	private static final float SYNONYM = 0.7f;
	// A word found as part of a compound in a service's text ("hjemløs" in "Hjemløsemonitorering") says less about
	// the service than the word itself.
	private static final float COMPOUND_PART = 0.7f;
	// The parts of a compound the person typed count together this much, so that "alkoholbehandling" also finds
	// "alkohol" and "behandling" where the catalog has no such compound.
	private static final float TYPED_PARTS = 0.6f;
	// A corrected misspelling counts less, since the correction may be wrong.
	private static final float CORRECTED = 0.8f;
	// How a concept's score in a service counts, relative to the best service for it: the square root, so that a
	// service that answers all of a need fairly well comes before one that answers only part of it very well.
	private static final double PARTIAL_MATCH = 0.5;
	// A concept whose best match is weak (one mention in a minor field) counts less than one matched in a name or a
	// summary: best / (best + this).
	private static final double WEAK_MATCH = 2;
	// A service for professionals (e.g. the count of homeless people) counts this much of its score unless the person
	// asks for professionals' services: someone who writes "hjemløs" looks for a place to sleep, not for the count,
	// which still comes first when nothing else answers.
	private static final double FOR_PROFESSIONALS = 0.4;
	// A service that may be contacted without a name counts this much more for a person who says they want to stay
	// anonymous: the wish is a condition, not one more word of the need.
	private static final double ANONYMOUS = 2.0;
	private static final String ACCESS_MODE = "access_mode";

	private final NeedsAnalysis analysis;
	private final IndexSearcher searcher;
	private final List<String> vocabulary;
	private final AccessMode[] access;

	private SearchIndex(NeedsAnalysis analysis, IndexSearcher searcher) throws IOException {
		this.analysis = analysis;
		this.searcher = searcher;
		this.vocabulary = vocabulary(searcher.getIndexReader());
		this.access = new AccessMode[searcher.getIndexReader().maxDoc()];
		var stored = searcher.storedFields();
		for (int doc = 0; doc < access.length; doc++) {
			access[doc] = AccessMode.valueOf(stored.document(doc).get(ACCESS_MODE));
		}
	}

	/** Every stem in the words of the services' texts. */
	private static List<String> vocabulary(IndexReader reader) throws IOException {
		Set<String> stems = new TreeSet<>();
		for (var field : SearchField.values()) {
			for (var leaf : reader.leaves()) {
				var terms = leaf.reader().terms(field.field());
				if (terms == null) {
					continue;
				}
				var iterator = terms.iterator();
				for (var term = iterator.next(); term != null; term = iterator.next()) {
					stems.add(term.utf8ToString());
				}
			}
		}
		return List.copyOf(stems);
	}

	public static SearchIndex build(NeedsAnalysis analysis, List<Entry> entries) {
		var directory = new ByteBuffersDirectory();
		Map<String, Analyzer> partFields = new HashMap<>();
		for (var field : SearchField.values()) {
			partFields.put(field.parts(), analysis.compoundPartAnalyzer());
		}
		var analyzer = new PerFieldAnalyzerWrapper(analysis.indexAnalyzer(), partFields);
		try (var writer = new IndexWriter(directory, new IndexWriterConfig(analyzer))) {
			for (var entry : entries) {
				var document = new Document();
				document.add(new StringField("id", entry.id().toString(), Field.Store.YES));
				document.add(new StringField(ACCESS_MODE, entry.access().name(), Field.Store.YES));
				entry.text().forEach((field, text) -> {
					if (text != null && !text.isBlank()) {
						document.add(new TextField(field.field(), text, Field.Store.NO));
						document.add(new TextField(field.parts(), text, Field.Store.NO));
					}
				});
				writer.addDocument(document);
			}
			writer.commit();
			return new SearchIndex(analysis, new IndexSearcher(DirectoryReader.open(directory)));
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/**
	 * The services that match the text best, best first. An empty or meaningless text finds nothing.
	 * <p>
	 * Each concept of the text is scored on its own (Lucene's BM25 over the weighted fields), relative to the service
	 * that matches it best, and counts by how few services it matches: a need is usually described by one rare, telling word ("diabetes") and some common
	 * context ("bor på gaden"), and the service that answers the telling word and the context should come before the
	 * one whose name happens to contain the context. Services for professionals come after those for citizens unless
	 * the text asks for them; a text that asks for anonymity puts the services that allow it first.
	 */
	public List<Hit> search(SearchText text, int limit) {
		var concepts = concepts(text.text());
		int documents = searcher.getIndexReader().maxDoc();
		if (concepts.isEmpty() || documents == 0) {
			return List.of();
		}
		try {
			var scores = new double[documents];
			for (var concept : concepts) {
				var top = searcher.search(concept.query(), documents).scoreDocs;
				if (top.length == 0) {
					continue;
				}
				double best = top[0].score;
				// how many services the concept matches, a weak match counting as part of one
				double matching = 0;
				for (var scoreDoc : top) {
					matching += scoreDoc.score / best;
				}
				double weight = concept.weight() * Math.log(1 + documents / matching) * best / (best + WEAK_MATCH);
				for (var scoreDoc : top) {
					scores[scoreDoc.doc] += weight * Math.pow(scoreDoc.score / best, PARTIAL_MATCH);
				}
			}
			boolean forProfessionals = concepts.stream().anyMatch(c -> analysis.asksForProfessionals(c.stems()));
			boolean anonymously = concepts.stream().anyMatch(c -> analysis.asksForAnonymity(c.stems()));
			for (int doc = 0; doc < documents; doc++) {
				if (access[doc] == AccessMode.FOR_PROFESSIONALS && !forProfessionals) {
					scores[doc] *= FOR_PROFESSIONALS;
				}
				if (access[doc].anonymousPossible() && anonymously) {
					scores[doc] *= ANONYMOUS;
				}
			}
			List<Integer> found = new ArrayList<>();
			for (int doc = 0; doc < documents; doc++) {
				if (scores[doc] > 0) {
					found.add(doc);
				}
			}
			found.sort(Comparator.comparingDouble((Integer doc) -> -scores[doc]).thenComparing(doc -> doc));
			var stored = searcher.storedFields();
			List<Hit> hits = new ArrayList<>();
			for (var doc : found.subList(0, Math.min(Math.max(1, limit), found.size()))) {
				hits.add(new Hit(UUID.fromString(stored.document(doc).get("id")), (float) scores[doc]));
			}
			return hits;
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/**
	 * The concepts of a text: phrases the synonym list knows (longest first), compounds typed as two words ("krise
	 * center"), and single words other than stop words. Each matches by its stem, its synonyms, the parts of a
	 * compound, or, when neither the catalog nor the synonym list has the word, by the nearest word that is there
	 * (typos).
	 */
	List<Concept> concepts(String text) {
		var words = analysis.words(text, MAX_WORDS);
		var stems = words.stream().map(Word::stem).toList();
		List<Concept> concepts = new ArrayList<>();
		Set<List<String>> seen = new HashSet<>();
		for (int start = 0; start < words.size();) {
			int length = Math.min(analysis.longestSynonym(), words.size() - start);
			while (length > 1 && analysis.synonymsOf(stems.subList(start, start + length)).isEmpty()
					&& analysis.translationsOf(stems.subList(start, start + length)).isEmpty()) {
				length--;
			}
			Concept concept;
			if (length > 1) {
				concept = phrase(List.copyOf(stems.subList(start, start + length)));
			}
			else if (start + 1 < words.size() && joinable(words.get(start), words.get(start + 1))) {
				var first = words.get(start);
				var second = words.get(start + 1);
				var joined = first.text() + second.text();
				concept = word(new Word(joined, analysis.stemOf(joined)), List.of(first.stem(), second.stem()));
				length = 2;
			}
			else {
				concept = word(words.get(start), List.of());
			}
			if (concept != null && seen.add(concept.stems())) {
				concepts.add(concept);
			}
			start += length;
		}
		return concepts;
	}

	private Concept phrase(List<String> stems) {
		var translations = analysis.translationsOf(stems);
		var alternatives = synonymsOf(stems, translations);
		return new Concept(stems, fields(field -> {
			List<Query> queries = new ArrayList<>();
			queries.add(match(field, stems));
			translations.forEach(translation -> queries.add(match(field, translation)));
			alternatives.forEach(synonym -> queries.add(synonym(field, synonym)));
			return queries;
		}), 1f);
	}

	/**
	 * The synonyms of what was typed and of its translations, without what was typed or translated, and no more
	 * than a query can hold. A translation counts as if the person had typed the Danish words, and finds their
	 * synonyms as those would: "I drink" is "drikker", which also finds "alkohol".
	 */
	private List<List<String>> synonymsOf(List<String> stems, Set<List<String>> translations) {
		Set<List<String>> synonyms = new java.util.LinkedHashSet<>(analysis.synonymsOf(stems));
		translations.forEach(translation -> synonyms.addAll(analysis.synonymsOf(translation)));
		synonyms.remove(stems);
		synonyms.removeAll(translations);
		return synonyms.stream().limit(MAX_SYNONYMS).toList();
	}

	/**
	 * A single word; {@code apart} holds the stems of the two words when the person typed a compound apart.
	 */
	private Concept word(Word word, List<String> apart) {
		var stem = word.stem();
		var synonyms = analysis.synonymsOf(List.of(stem));
		var translations = analysis.translationsOf(List.of(stem));
		if (synonyms.isEmpty() && translations.isEmpty() && apart.isEmpty() && analysis.isStopword(word.text())) {
			return null;
		}
		// neither the catalog nor the synonym list has the word: a misspelling, or a compound the catalog has only in
		// parts
		boolean unknown = synonyms.isEmpty() && translations.isEmpty() && apart.isEmpty() && !indexed(stem);
		var correction = unknown ? analysis.correction(word.text()) : Optional.<Word>empty();
		var meant = correction.orElse(word);
		var near = unknown && correction.isEmpty() && analysis.compoundParts(word.text()).isEmpty()
				? nearestIndexed(stem) : List.<String>of();
		float weight = correction.isPresent() || !near.isEmpty() ? CORRECTED : 1f;
		var meantStem = meant.stem();
		var meantTranslations = analysis.translationsOf(List.of(meantStem));
		var meantSynonyms = synonymsOf(List.of(meantStem), meantTranslations);
		var parts = analysis.compoundParts(meant.text());
		return new Concept(List.of(stem), fields(field -> {
			List<Query> queries = new ArrayList<>();
			queries.add(new TermQuery(new Term(field, meantStem)));
			if (!apart.isEmpty()) {
				queries.add(match(field, apart));
			}
			meantTranslations.forEach(translation -> queries.add(match(field, translation)));
			meantSynonyms.forEach(synonym -> queries.add(synonym(field, synonym)));
			if (!parts.isEmpty()) {
				var compound = new BooleanQuery.Builder();
				for (var part : parts) {
					List<Query> partQueries = new ArrayList<>();
					partQueries.add(new TermQuery(new Term(field, part)));
					analysis.synonymsOf(List.of(part)).forEach(synonym -> partQueries.add(synonym(field, synonym)));
					partQueries.removeIf(Objects::isNull);
					compound.add(new DisjunctionMaxQuery(partQueries, 0.1f), Occur.SHOULD);
				}
				queries.add(new BoostQuery(compound.build(), TYPED_PARTS / parts.size()));
			}
			near.forEach(term -> queries.add(new TermQuery(new Term(field, term))));
			return queries;
		}), weight);
	}

	/** Whether two typed words are one compound written apart: joined, the catalog or the synonym list has them. */
	private boolean joinable(Word first, Word second) {
		if (analysis.isStopword(first.text()) || analysis.isStopword(second.text())) {
			return false;
		}
		var joined = analysis.stemOf(first.text() + second.text());
		return !analysis.synonymsOf(List.of(joined)).isEmpty() || indexed(joined);
	}

	/** The ways a concept can match, in one Lucene field. */
	private interface Alternatives {
		List<Query> in(String field);
	}

	/**
	 * A concept counts for the field it matches best, and in each field by the alternative that matches best; a match
	 * on part of a compound word counts less than one on a whole word.
	 */
	private static Query fields(Alternatives alternatives) {
		List<Query> perField = new ArrayList<>();
		for (var field : SearchField.values()) {
			List<Query> queries = new ArrayList<>();
			alternatives.in(field.field()).stream().filter(Objects::nonNull).forEach(queries::add);
			alternatives.in(field.parts())
				.stream()
				.filter(Objects::nonNull)
				.forEach(query -> queries.add(new BoostQuery(query, COMPOUND_PART)));
			perField.add(new BoostQuery(new DisjunctionMaxQuery(queries, 0.1f), field.weight));
		}
		return new DisjunctionMaxQuery(perField, 0.3f);
	}

	/**
	 * A word, or a phrase with any word where the phrase has a stop word (the index has none). A synonym phrase that
	 * has only one word left that is not a stop word means something else than that word ("gå med til møde" is not
	 * "møde") and matches nothing; null when there is nothing to match.
	 */
	private Query match(String field, List<String> stems) {
		return match(field, stems, true);
	}

	private Query synonym(String field, List<String> stems) {
		var query = match(field, stems, false);
		return query == null ? null : new BoostQuery(query, SYNONYM);
	}

	private Query match(String field, List<String> stems, boolean typed) {
		if (stems.size() == 1) {
			return new TermQuery(new Term(field, stems.getFirst()));
		}
		var phrase = new PhraseQuery.Builder();
		Term only = null;
		int terms = 0;
		for (int position = 0; position < stems.size(); position++) {
			var stem = stems.get(position);
			if (!analysis.isStopStem(stem)) {
				only = new Term(field, stem);
				phrase.add(only, position);
				terms++;
			}
		}
		if (terms <= 1) {
			return only == null || !typed ? null : new TermQuery(only);
		}
		phrase.setSlop(1);
		return phrase.build();
	}

	/**
	 * The stems in the catalog nearest to a stem it does not have, for a misspelt word no synonym is near: one letter
	 * away, two for long words, with the same first letter.
	 */
	private List<String> nearestIndexed(String stem) {
		if (stem.length() < 4 || stem.length() > MAX_FUZZY_LENGTH) {
			return List.of();
		}
		int allowed = stem.length() >= 7 ? 2 : 1;
		List<String> nearest = new ArrayList<>();
		int nearestDistance = allowed + 1;
		for (var candidate : vocabulary) {
			if (candidate.charAt(0) != stem.charAt(0) || Math.abs(candidate.length() - stem.length()) > allowed) {
				continue;
			}
			int distance = NeedsAnalysis.distance(stem, candidate, allowed);
			if (distance > allowed) {
				continue;
			}
			if (distance < nearestDistance) {
				nearest.clear();
				nearestDistance = distance;
			}
			if (distance == nearestDistance) {
				nearest.add(candidate);
			}
		}
		return nearest.size() > MAX_NEAREST ? nearest.subList(0, MAX_NEAREST) : nearest;
	}

	private boolean indexed(String stem) {
		try {
			var reader = searcher.getIndexReader();
			for (var field : SearchField.values()) {
				if (reader.docFreq(new Term(field.field(), stem)) > 0 || reader.docFreq(new Term(field.parts(), stem)) > 0) {
					return true;
				}
			}
			return false;
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}
}
