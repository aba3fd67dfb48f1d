package dk.helhed.catalog.internal.search;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.CharArraySet;
import org.apache.lucene.analysis.FilteringTokenFilter;
import org.apache.lucene.analysis.LowerCaseFilter;
import org.apache.lucene.analysis.StopFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.Tokenizer;
import org.apache.lucene.analysis.compound.DictionaryCompoundWordTokenFilter;
import org.apache.lucene.analysis.da.DanishAnalyzer;
import org.apache.lucene.analysis.miscellaneous.ScandinavianNormalizationFilter;
import org.apache.lucene.analysis.miscellaneous.StemmerOverrideFilter;
import org.apache.lucene.analysis.miscellaneous.StemmerOverrideFilter.StemmerOverrideMap;
import org.apache.lucene.analysis.snowball.SnowballFilter;
import org.apache.lucene.analysis.standard.StandardTokenizer;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.tokenattributes.PositionIncrementAttribute;
import org.springframework.core.io.Resource;
import org.tartarus.snowball.ext.DanishStemmer;

/**
 * How Helhed reads Danish text about needs: lower case, the Scandinavian letters normalised (so "hjemloes" and
 * "hjemlös" read as "hjemløs"), compound words split into the parts a dictionary knows ("tandbehandling" is also
 * "tand" and "behandling"), and Danish stemming, corrected where the stemmer joins words that mean different things
 * ("ledig" and "leder"). Synonyms (hjemløs ~ husvild ~ uden fast bolig) are expanded when a query is built, from a
 * list kept as data, and a misspelt word can be corrected to the nearest word of that list. Words and phrases in
 * another language (English) are translated, from a second list kept as data, into the Danish words the catalog
 * uses; and two more lists hold the words with which a person asks for the services for professionals, and says
 * they want to stay anonymous.
 */
public final class NeedsAnalysis {

	/** A word as typed (lower case, letters normalised) and its stem. */
	public record Word(String text, String stem) {
	}

	// Compound parts shorter than this are too likely to be chance letters inside an unrelated word.
	private static final int MIN_WORD_SIZE = 6;
	private static final int MIN_PART_SIZE = 3;
	private static final int MAX_PART_SIZE = 20;
	// Longer than any word: not worth comparing with the synonym list.
	private static final int MAX_CORRECTED_LENGTH = 40;

	private final CharArraySet stopwords;
	private final Set<String> stopStems = new HashSet<>();
	private final CharArraySet compoundParts;
	private final StemmerOverrideMap stemOverrides;
	private final Analyzer indexAnalyzer;
	private final Analyzer compoundPartAnalyzer;
	private final Analyzer wordAnalyzer;
	private final Analyzer stemAnalyzer;
	private final Analyzer partAnalyzer;
	private final Map<List<String>, Set<List<String>>> synonyms;
	private final Map<List<String>, Set<List<String>>> translations;
	private final Set<List<String>> forProfessionals;
	private final Set<List<String>> anonymity;
	private final Map<String, String> vocabulary;
	private final int longestSynonym;

	/** The files of the analysis, each a resource that may be missing (then empty). */
	public record Files(Resource synonyms, Resource compoundParts, Resource stopwords, Resource stemOverrides,
			Resource translations, Resource forProfessionals, Resource anonymity) {
	}

	public NeedsAnalysis(Files files) {
		var synonymFile = files.synonyms();
		var compoundFile = files.compoundParts();
		var stopwordFile = files.stopwords();
		var stemOverrideFile = files.stemOverrides();
		this.wordAnalyzer = new Analyzer() {
			@Override
			protected TokenStreamComponents createComponents(String fieldName) {
				var tokenizer = new StandardTokenizer();
				return new TokenStreamComponents(tokenizer, normalise(tokenizer));
			}
		};
		var stop = new CharArraySet(DanishAnalyzer.getDefaultStopSet(), false);
		stop.addAll(normalised(lines(stopwordFile)));
		this.stopwords = CharArraySet.unmodifiableSet(stop);
		this.compoundParts = CharArraySet.unmodifiableSet(new CharArraySet(normalised(lines(compoundFile)), false));
		this.stemOverrides = parseStemOverrides(lines(stemOverrideFile));
		this.stemAnalyzer = new Analyzer() {
			@Override
			protected TokenStreamComponents createComponents(String fieldName) {
				var tokenizer = new StandardTokenizer();
				return new TokenStreamComponents(tokenizer, stem(normalise(tokenizer)));
			}
		};
		this.partAnalyzer = new Analyzer() {
			@Override
			protected TokenStreamComponents createComponents(String fieldName) {
				var tokenizer = new StandardTokenizer();
				return new TokenStreamComponents(tokenizer, stem(new DictionaryCompoundWordTokenFilter(
						normalise(tokenizer), compoundParts, MIN_WORD_SIZE, MIN_PART_SIZE, MAX_PART_SIZE, false)));
			}
		};
		this.indexAnalyzer = new Analyzer() {
			@Override
			protected TokenStreamComponents createComponents(String fieldName) {
				var tokenizer = new StandardTokenizer();
				return new TokenStreamComponents(tokenizer, stem(new StopFilter(normalise(tokenizer), stopwords)));
			}
		};
		this.compoundPartAnalyzer = new Analyzer() {
			@Override
			protected TokenStreamComponents createComponents(String fieldName) {
				var tokenizer = new StandardTokenizer();
				TokenStream stream = new StopFilter(normalise(tokenizer), stopwords);
				stream = new DictionaryCompoundWordTokenFilter(stream, compoundParts, MIN_WORD_SIZE, MIN_PART_SIZE,
						MAX_PART_SIZE, false);
				return new TokenStreamComponents(tokenizer, new OnlyCompoundParts(stem(stream)));
			}
		};
		for (var stopword : stopwords) {
			stopStems.add(stemOf(new String((char[]) stopword)));
		}
		this.synonyms = parseSynonyms(lines(synonymFile));
		this.translations = parseTranslations(lines(files.translations()));
		this.forProfessionals = new HashSet<>(entries(String.join(",", lines(files.forProfessionals()))));
		this.anonymity = new HashSet<>(entries(String.join(",", lines(files.anonymity()))));
		this.longestSynonym = Math.max(synonyms.keySet().stream().mapToInt(List::size).max().orElse(1),
				translations.keySet().stream().mapToInt(List::size).max().orElse(1));
		List<String> known = new ArrayList<>(lines(synonymFile));
		known.addAll(lines(files.translations()));
		this.vocabulary = vocabulary(known);
	}

	/** The analyzer for the words of a text, as the index holds them. */
	public Analyzer indexAnalyzer() {
		return indexAnalyzer;
	}

	/**
	 * The analyzer for the parts of the compound words of a text, as the index holds them: "Socialtandpleje" is
	 * "social", "tand" and "pleje"; a word that is not a compound has no parts.
	 */
	public Analyzer compoundPartAnalyzer() {
		return compoundPartAnalyzer;
	}

	/** The words of a text with their stems, in order; nothing is removed or split. */
	public List<Word> words(String text) {
		return words(text, Integer.MAX_VALUE);
	}

	/** The first words of a text with their stems; the rest of the text is not read. */
	public List<Word> words(String text, int limit) {
		List<Word> words = new ArrayList<>();
		for (var token : tokens(wordAnalyzer, text, limit)) {
			words.add(new Word(token, stemOf(token)));
		}
		return words;
	}

	/** The stems of a text, in order, without splitting compounds or removing stop words. */
	public List<String> stems(String text) {
		return words(text).stream().map(Word::stem).toList();
	}

	/** The stem of one normalised word. */
	public String stemOf(String word) {
		var stems = tokens(stemAnalyzer, word);
		return stems.isEmpty() ? word : String.join("", stems);
	}

	/** Whether a word, as typed, is too common to tell services apart. */
	public boolean isStopword(String word) {
		return stopwords.contains(word);
	}

	/**
	 * Whether a stem is that of a stop word, which the index leaves out: a phrase such as "bor på gaden" is found as
	 * "bor", any word, "gaden".
	 */
	public boolean isStopStem(String stem) {
		return stopStems.contains(stem);
	}

	/**
	 * The stems of the dictionary parts a word consists of, without the word itself; empty when the word is not a
	 * known compound.
	 */
	public List<String> compoundParts(String word) {
		if (word.length() < MIN_WORD_SIZE) {
			return List.of();
		}
		var tokens = new LinkedHashSet<>(tokens(partAnalyzer, word));
		tokens.remove(stemOf(word));
		return List.copyOf(tokens);
	}

	/** Synonym entries (as stem sequences) for a stem sequence, not including the sequence itself. */
	public Set<List<String>> synonymsOf(List<String> stems) {
		return synonyms.getOrDefault(stems, Set.of());
	}

	/**
	 * The Danish words (as stem sequences) a word or phrase of another language means, e.g. "dentist" is
	 * "tandlæge"; empty for Danish and for words the list does not have.
	 */
	public Set<List<String>> translationsOf(List<String> stems) {
		return translations.getOrDefault(stems, Set.of());
	}

	/**
	 * Whether a word or phrase (as stems), a synonym or a translation of it asks for the services for
	 * professionals.
	 */
	public boolean asksForProfessionals(List<String> stems) {
		return means(stems, forProfessionals);
	}

	/** Whether a word or phrase (as stems), a synonym or a translation of it says the person wants to stay anonymous. */
	public boolean asksForAnonymity(List<String> stems) {
		return means(stems, anonymity);
	}

	private boolean means(List<String> stems, Set<List<String>> words) {
		if (words.contains(stems) || synonymsOf(stems).stream().anyMatch(words::contains)) {
			return true;
		}
		for (var translation : translationsOf(stems)) {
			if (words.contains(translation) || synonymsOf(translation).stream().anyMatch(words::contains)) {
				return true;
			}
		}
		return false;
	}

	/** The most words of a phrase the synonym or the translation list knows. */
	public int longestSynonym() {
		return longestSynonym;
	}

	/**
	 * The word of the synonym list a misspelt word most likely means: one or two letters away (two only for long
	 * words), same first letter, and "o" for "ø", "a" for "æ" or "å" not counted as errors, since that is how Danish is
	 * typed on a keyboard without them.
	 */
	public Optional<Word> correction(String word) {
		if (word.length() > MAX_CORRECTED_LENGTH) {
			return Optional.empty();
		}
		int allowed = word.length() >= 8 ? 2 : word.length() >= 5 ? 1 : 0;
		var folded = folded(word);
		String best = null;
		int bestDistance = Integer.MAX_VALUE;
		for (var entry : vocabulary.entrySet()) {
			var candidate = entry.getValue();
			if (candidate.isEmpty() || folded.isEmpty() || candidate.charAt(0) != folded.charAt(0)
					|| Math.abs(candidate.length() - folded.length()) > allowed) {
				continue;
			}
			int distance = distance(folded, candidate, allowed);
			if (distance <= allowed && distance < bestDistance && !entry.getKey().equals(word)) {
				best = entry.getKey();
				bestDistance = distance;
			}
		}
		return best == null ? Optional.empty() : Optional.of(new Word(best, stemOf(best)));
	}

	private TokenStream normalise(Tokenizer tokenizer) {
		return new ScandinavianNormalizationFilter(new LowerCaseFilter(tokenizer));
	}

	private TokenStream stem(TokenStream stream) {
		if (stemOverrides != null) {
			stream = new StemmerOverrideFilter(stream, stemOverrides);
		}
		return new SnowballFilter(stream, new DanishStemmer());
	}

	private List<String> normalised(List<String> words) {
		List<String> result = new ArrayList<>();
		for (var word : words) {
			result.addAll(tokens(wordAnalyzer, word));
		}
		return result;
	}

	/**
	 * Reads lines "ledig, ledige, ledighed => ledig": every word on the left gets the stem on the right, instead of
	 * the stem the Danish stemmer would give it.
	 */
	private StemmerOverrideMap parseStemOverrides(List<String> lines) {
		if (lines.isEmpty()) {
			return null;
		}
		var builder = new StemmerOverrideFilter.Builder(false);
		for (var line : lines) {
			var arrow = line.indexOf("=>");
			if (arrow < 0) {
				throw new IllegalArgumentException("A stem override needs \"=>\": " + line);
			}
			var stem = line.substring(arrow + 2).strip();
			for (var word : normalised(List.of(line.substring(0, arrow).split(",")))) {
				builder.add(word, stem);
			}
		}
		try {
			return builder.build();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
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

	/**
	 * Reads lines "dentist, dental care => tandlæge, tandpleje": each entry on the left means every entry on the
	 * right. A line without "=>" says nothing about which side is Danish, so it is refused.
	 */
	private Map<List<String>, Set<List<String>>> parseTranslations(List<String> lines) {
		Map<List<String>, Set<List<String>>> map = new HashMap<>();
		for (var line : lines) {
			var arrow = line.indexOf("=>");
			if (arrow < 0) {
				throw new IllegalArgumentException("A translation needs \"=>\": " + line);
			}
			for (var from : entries(line.substring(0, arrow))) {
				for (var to : entries(line.substring(arrow + 2))) {
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

	/** The one-word entries of the synonym list, normalised, each with its folded spelling. */
	private Map<String, String> vocabulary(List<String> lines) {
		Map<String, String> words = new LinkedHashMap<>();
		for (var line : lines) {
			for (var entry : line.replace("=>", ",").split(",")) {
				var tokens = tokens(wordAnalyzer, entry.trim());
				if (tokens.size() == 1) {
					words.putIfAbsent(tokens.getFirst(), folded(tokens.getFirst()));
				}
			}
		}
		return words;
	}

	/** The word as typed without the Danish letters. */
	static String folded(String word) {
		return word.replace('æ', 'a').replace('ø', 'o').replace('å', 'a');
	}

	/** Edit distance with transpositions (optimal string alignment), giving up above a limit. */
	static int distance(CharSequence a, CharSequence b, int limit) {
		int[][] d = new int[a.length() + 1][b.length() + 1];
		for (int i = 0; i <= a.length(); i++) {
			d[i][0] = i;
		}
		for (int j = 0; j <= b.length(); j++) {
			d[0][j] = j;
		}
		for (int i = 1; i <= a.length(); i++) {
			int rowMinimum = Integer.MAX_VALUE;
			for (int j = 1; j <= b.length(); j++) {
				int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
				d[i][j] = Math.min(Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1), d[i - 1][j - 1] + cost);
				if (i > 1 && j > 1 && a.charAt(i - 1) == b.charAt(j - 2) && a.charAt(i - 2) == b.charAt(j - 1)) {
					d[i][j] = Math.min(d[i][j], d[i - 2][j - 2] + 1);
				}
				rowMinimum = Math.min(rowMinimum, d[i][j]);
			}
			if (rowMinimum > limit) {
				return limit + 1;
			}
		}
		return d[a.length()][b.length()];
	}

	private static List<String> tokens(Analyzer analyzer, String text) {
		return tokens(analyzer, text, Integer.MAX_VALUE);
	}

	private static List<String> tokens(Analyzer analyzer, String text, int limit) {
		return collect(analyzer.tokenStream("text", text), limit);
	}

	private static List<String> collect(TokenStream stream) {
		return collect(stream, Integer.MAX_VALUE);
	}

	private static List<String> collect(TokenStream stream, int limit) {
		List<String> tokens = new ArrayList<>();
		try (stream) {
			var term = stream.addAttribute(CharTermAttribute.class);
			stream.reset();
			while (tokens.size() < limit && stream.incrementToken()) {
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

	/**
	 * Keeps the parts the compound filter adds after a word and drops the word itself, and a part that stems like the
	 * word or like an earlier part ("hjemløshed" is in the dictionary and "hjemløs" and "hjemløse" both stem to
	 * "hjemløs"), so that no word counts twice.
	 */
	private static final class OnlyCompoundParts extends FilteringTokenFilter {

		private final CharTermAttribute term = addAttribute(CharTermAttribute.class);
		private final PositionIncrementAttribute position = addAttribute(PositionIncrementAttribute.class);
		private final Set<String> seen = new HashSet<>();

		OnlyCompoundParts(TokenStream input) {
			super(input);
		}

		@Override
		protected boolean accept() {
			if (position.getPositionIncrement() > 0) {
				seen.clear();
				seen.add(term.toString());
				return false;
			}
			return seen.add(term.toString());
		}

		@Override
		public void reset() throws IOException {
			super.reset();
			seen.clear();
		}
	}
}
