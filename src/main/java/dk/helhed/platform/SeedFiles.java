package dk.helhed.platform;

import java.io.IOException;
import java.io.InputStream;

import org.springframework.core.io.Resource;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.dataformat.yaml.YAMLMapper;

/**
 * Reads the versioned data files a municipality ships as (see docs/seed-format.md). Unknown fields are errors, so
 * that a misspelt field in a data file is reported instead of silently dropped.
 */
public final class SeedFiles {

	private static final YAMLMapper YAML = YAMLMapper.builder()
		.enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
		.enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
		.build();

	private SeedFiles() {
	}

	public static <T> T read(Resource file, Class<T> type) {
		try (InputStream in = file.getInputStream()) {
			return YAML.readValue(in, type);
		}
		catch (JacksonException ex) {
			throw new InvalidSeedData(file.getDescription() + ": " + ex.getOriginalMessage()
					+ (ex.getLocation() == null ? "" : " (linje " + ex.getLocation().getLineNr() + ")"), ex);
		}
		catch (IOException ex) {
			throw new InvalidSeedData(file.getDescription() + " kan ikke læses: " + ex.getMessage(), ex);
		}
	}

	/**
	 * A data file is malformed or refers to something it does not define. Start-up stops with this message.
	 */
	public static class InvalidSeedData extends RuntimeException {

		public InvalidSeedData(String message) {
			super(message);
		}

		public InvalidSeedData(String message, Throwable cause) {
			super(message, cause);
		}
	}
}
