package dk.helhed.catalog.internal.search;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.StringField;
import org.apache.lucene.document.TextField;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.DisjunctionMaxQuery;
import org.apache.lucene.search.FuzzyQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.PhraseQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.store.ByteBuffersDirectory;

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

		String field() {
			return name().toLowerCase();
		}
	}

	/** A document to index: a service's id and its text per field. */
	public record Entry(UUID id, Map<SearchField, String> text) {
	}

	/** A service found, with its relevance score. */
	public record Hit(UUID id, float score) {
	}

	private static final int MAX_TERMS = 24;

	private final NeedsAnalysis analysis;
	private final IndexSearcher searcher;

	private SearchIndex(NeedsAnalysis analysis, IndexSearcher searcher) {
		this.analysis = analysis;
		this.searcher = searcher;
	}

	public static SearchIndex build(NeedsAnalysis analysis, List<Entry> entries) {
		var directory = new ByteBuffersDirectory();
		try (var writer = new IndexWriter(directory, new IndexWriterConfig(analysis.indexAnalyzer()))) {
			for (var entry : entries) {
				var document = new Document();
				document.add(new StringField("id", entry.id().toString(), Field.Store.YES));
				entry.text().forEach((field, text) -> {
					if (text != null && !text.isBlank()) {
						document.add(new TextField(field.field(), text, Field.Store.NO));
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
	 */
	public List<Hit> search(SearchText text, int limit) {
		var query = query(text.text());
		if (query == null) {
			return List.of();
		}
		try {
			var top = searcher.search(query, Math.max(1, limit));
			List<Hit> hits = new ArrayList<>();
			var stored = searcher.storedFields();
			for (var scoreDoc : top.scoreDocs) {
				hits.add(new Hit(UUID.fromString(stored.document(scoreDoc.doc).get("id")), scoreDoc.score));
			}
			return hits;
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/**
	 * Builds the query: the text becomes a list of concepts (a word, or a phrase the synonym list knows); each concept
	 * matches by its stem, its synonyms, the parts of a compound word, or, when nothing in the catalog has the word,
	 * by words one or two letters away (typos). A concept counts for the field it matches best.
	 */
	Query query(String text) {
		var stems = analysis.stems(text);
		if (stems.size() > MAX_TERMS) {
			stems = stems.subList(0, MAX_TERMS);
		}
		var surface = surfaceWords(text, stems.size());
		var concepts = new BooleanQuery.Builder();
		int clauses = 0;
		for (int start = 0; start < stems.size();) {
			int length = Math.min(analysis.longestSynonym(), stems.size() - start);
			while (length > 1 && analysis.synonymsOf(stems.subList(start, start + length)).isEmpty()) {
				length--;
			}
			var phrase = List.copyOf(stems.subList(start, start + length));
			var word = length == 1 && start < surface.size() ? surface.get(start) : null;
			var concept = concept(phrase, word);
			if (concept != null) {
				concepts.add(concept, Occur.SHOULD);
				clauses++;
			}
			start += length;
		}
		return clauses == 0 ? null : concepts.build();
	}

	private Query concept(List<String> phrase, String word) {
		var synonyms = analysis.synonymsOf(phrase);
		if (phrase.size() == 1 && synonyms.isEmpty()
				&& (analysis.isStopword(phrase.getFirst()) || (word != null && analysis.isStopword(word)))) {
			return null;
		}
		var parts = word == null ? List.<String>of() : analysis.compoundParts(word);
		boolean typo = phrase.size() == 1 && synonyms.isEmpty() && parts.isEmpty() && unknown(phrase.getFirst());
		List<Query> perField = new ArrayList<>();
		for (var field : SearchField.values()) {
			List<Query> alternatives = new ArrayList<>();
			alternatives.add(match(field, phrase));
			synonyms.forEach(synonym -> alternatives.add(new BoostQuery(match(field, synonym), 0.85f)));
			if (!parts.isEmpty()) {
				var compound = new BooleanQuery.Builder();
				parts.forEach(part -> compound.add(new TermQuery(new Term(field.field(), part)), Occur.SHOULD));
				alternatives.add(new BoostQuery(compound.build(), 0.6f / parts.size()));
			}
			if (typo && phrase.getFirst().length() >= 4) {
				var stem = phrase.getFirst();
				alternatives.add(new BoostQuery(new FuzzyQuery(new Term(field.field(), stem), stem.length() >= 7 ? 2 : 1,
						1, 20, true), 0.5f));
			}
			perField.add(new BoostQuery(new DisjunctionMaxQuery(alternatives, 0.1f), field.weight));
		}
		return new DisjunctionMaxQuery(perField, 0.3f);
	}

	private static Query match(SearchField field, List<String> stems) {
		if (stems.size() == 1) {
			return new TermQuery(new Term(field.field(), stems.getFirst()));
		}
		var phrase = new PhraseQuery.Builder();
		stems.forEach(stem -> phrase.add(new Term(field.field(), stem)));
		phrase.setSlop(1);
		return phrase.build();
	}

	private boolean unknown(String stem) {
		try {
			var reader = searcher.getIndexReader();
			for (var field : SearchField.values()) {
				if (reader.docFreq(new Term(field.field(), stem)) > 0) {
					return false;
				}
			}
			return true;
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/** The words of the text as typed (lower case, letters normalised), one per stem. */
	private List<String> surfaceWords(String text, int count) {
		var words = new ArrayList<String>();
		for (var word : text.split("[^\\p{L}\\p{N}]+")) {
			if (!word.isEmpty() && !analysis.stems(word).isEmpty()) {
				words.add(word);
			}
		}
		return words.size() == count ? words : List.of();
	}

}
