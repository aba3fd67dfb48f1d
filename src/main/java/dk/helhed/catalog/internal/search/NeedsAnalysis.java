package dk.helhed.catalog.internal.search;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.CharArraySet;
import org.apache.lucene.analysis.LowerCaseFilter;
import org.apache.lucene.analysis.StopFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.compound.DictionaryCompoundWordTokenFilter;
import org.apache.lucene.analysis.da.DanishAnalyzer;
import org.apache.lucene.analysis.miscellaneous.ScandinavianNormalizationFilter;
import org.apache.lucene.analysis.snowball.SnowballFilter;
import org.apache.lucene.analysis.standard.StandardTokenizer;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.springframework.core.io.Resource;
import org.tartarus.snowball.ext.DanishStemmer;

/**
 * How Helhed reads Danish text about needs: lower case, the Scandinavian letters normalised (so "hjemloes" and
 * "hjemlös" read as "hjemløs"), compound words split into the parts a dictionary knows ("tandbehandling" is also
 * "tand" and "behandling"), and Danish stemming. Synonyms (hjemløs ~ husvild ~ uden fast bolig) are expanded when a
 * query is built, from a list kept as data.
 */
public final class NeedsAnalysis {

	private final CharArraySet stopwords;
	private final CharArraySet compoundParts;
	private final Analyzer indexAnalyzer;
	private final Analyzer plainAnalyzer;
	private final Map<List<String>, Set<List<String>>> synonyms;
	private final int longestSynonym;

	public NeedsAnalysis(Resource synonymFile, Resource compoundFile, Resource stopwordFile) {
		this.plainAnalyzer = new Analyzer() {
			@Override
			protected TokenStreamComponents createComponents(String fieldName) {
				var tokenizer = new StandardTokenizer();
				TokenStream stream = new ScandinavianNormalizationFilter(new LowerCaseFilter(tokenizer));
				return new TokenStreamComponents(tokenizer, new SnowballFilter(stream, new DanishStemmer()));
			}
		};
		var stop = new CharArraySet(DanishAnalyzer.getDefaultStopSet(), false);
		stop.addAll(normalised(lines(stopwordFile)));
		this.stopwords = CharArraySet.unmodifiableSet(stop);
		this.compoundParts = CharArraySet.unmodifiableSet(new CharArraySet(normalised(lines(compoundFile)), false));
		this.indexAnalyzer = new Analyzer() {
			@Override
			protected TokenStreamComponents createComponents(String fieldName) {
				var tokenizer = new StandardTokenizer();
				TokenStream stream = new ScandinavianNormalizationFilter(new LowerCaseFilter(tokenizer));
				stream = new StopFilter(stream, stopwords);
				stream = new DictionaryCompoundWordTokenFilter(stream, compoundParts, 6, 3, 20, false);
				return new TokenStreamComponents(tokenizer, new SnowballFilter(stream, new DanishStemmer()));
			}
		};
		this.synonyms = parseSynonyms(lines(synonymFile));
		this.longestSynonym = synonyms.keySet().stream().mapToInt(List::size).max().orElse(1);
	}

	/** The analyzer the index is built with. */
	public Analyzer indexAnalyzer() {
		return indexAnalyzer;
	}

	/** The stems of a text, in order, without splitting compounds or removing stop words. */
	public List<String> stems(String text) {
		return tokens(plainAnalyzer, text);
	}

	/** Whether a word, as typed or as a stem, is too common to tell services apart. */
	public boolean isStopword(String word) {
		if (stopwords.contains(word)) {
			return true;
		}
		var normalised = normalised(List.of(word));
		return normalised.size() == 1 && stopwords.contains(normalised.getFirst());
	}

	/**
	 * The dictionary parts a word consists of, stemmed; empty when the word is not a known compound.
	 */
	public List<String> compoundParts(String word) {
		List<String> parts = new ArrayList<>();
		try (var stream = new DictionaryCompoundWordTokenFilter(tokenizerFor(word), compoundParts, 6, 3, 20, true)) {
			var term = stream.addAttribute(CharTermAttribute.class);
			stream.reset();
			boolean first = true;
			while (stream.incrementToken()) {
				if (!first) {
					parts.addAll(stems(term.toString()));
				}
				first = false;
			}
			stream.end();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		return parts;
	}

	/** Synonym entries (as stem sequences) for a stem sequence, not including the sequence itself. */
	public Set<List<String>> synonymsOf(List<String> stems) {
		return synonyms.getOrDefault(stems, Set.of());
	}

	public int longestSynonym() {
		return longestSynonym;
	}

	private TokenStream tokenizerFor(String word) {
		var tokenizer = new StandardTokenizer();
		tokenizer.setReader(new java.io.StringReader(word));
		return new ScandinavianNormalizationFilter(new LowerCaseFilter(tokenizer));
	}

	private List<String> normalised(List<String> words) {
		List<String> result = new ArrayList<>();
		for (var word : words) {
			try (var stream = tokenizerFor(word)) {
				var term = stream.addAttribute(CharTermAttribute.class);
				stream.reset();
				while (stream.incrementToken()) {
					result.add(term.toString());
				}
				stream.end();
			}
			catch (IOException ex) {
				throw new UncheckedIOException(ex);
			}
		}
		return result;
	}

	/**
	 * Reads Solr-style synonym lines: "a, b, c" makes every entry a synonym of every other; "a, b => c, d" makes a
	 * and b also find c and d.
	 */
	private Map<List<String>, Set<List<String>>> parseSynonyms(List<String> lines) {
		Map<List<String>, Set<List<String>>> map = new HashMap<>();
		for (var line : lines) {
			var arrow = line.indexOf("=>");
			var left = entries(arrow < 0 ? line : line.substring(0, arrow));
			var right = arrow < 0 ? left : entries(line.substring(arrow + 2));
			for (var from : left) {
				for (var to : right) {
					if (!from.equals(to)) {
						map.computeIfAbsent(from, key -> new LinkedHashSet<>()).add(to);
					}
				}
			}
		}
		return map;
	}

	private List<List<String>> entries(String part) {
		List<List<String>> entries = new ArrayList<>();
		for (var entry : part.split(",")) {
			var stems = stems(entry.trim());
			if (!stems.isEmpty()) {
				entries.add(stems);
			}
		}
		return entries;
	}

	private static List<String> tokens(Analyzer analyzer, String text) {
		List<String> tokens = new ArrayList<>();
		try (var stream = analyzer.tokenStream("text", text)) {
			var term = stream.addAttribute(CharTermAttribute.class);
			stream.reset();
			while (stream.incrementToken()) {
				tokens.add(term.toString());
			}
			stream.end();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		return tokens;
	}

	private static List<String> lines(Resource file) {
		if (file == null || !file.exists()) {
			return List.of();
		}
		try (var reader = new BufferedReader(new InputStreamReader(file.getInputStream(), StandardCharsets.UTF_8))) {
			return reader.lines()
				.map(line -> line.contains("#") ? line.substring(0, line.indexOf('#')) : line)
				.map(String::strip)
				.filter(line -> !line.isEmpty())
				.toList();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}
}
