package net.wagw.docs;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

/** Code, tests, SAM and README cite the repository's own docs, and only sections that exist there. */
class CitationsTest {
    /** Spelled in two pieces so that this file does not cite it either. */
    private static final List<String> OUTSIDE = List.of("DESIGN" + ".md", ".." + "/shared", "/work" + "/shared",
            "shared" + "/reference");
    private static final Pattern CITATION = Pattern.compile("docs/contracts\\.md §(\\d+(?:\\.\\d+)?)");
    private static final Pattern HEADING = Pattern.compile("(?m)^#{2,3} §(\\d+(?:\\.\\d+)?) ");

    private static List<Path> sources() throws IOException {
        List<Path> files = new ArrayList<>();
        for (String root : new String[] { "src", "infra" }) {
            try (Stream<Path> walk = Files.walk(Path.of(root))) {
                walk.filter(Files::isRegularFile).filter(p -> p.toString().matches(".*\\.(java|properties|yaml|yml|html|mjs|js|md)$"))
                        .forEach(files::add);
            }
        }
        files.add(Path.of("README.md"));
        return files;
    }

    private static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Test
    void nothingCitesTheBriefOrFilesOutsideTheRepository() throws IOException {
        List<String> offenders = new ArrayList<>();
        for (Path file : sources()) {
            String text = read(file);
            if (OUTSIDE.stream().anyMatch(text::contains)) {
                offenders.add(file.toString());
            }
        }
        assertThat(offenders).isEmpty();
    }

    @Test
    void everyCitedSectionExistsInDocsContracts() throws IOException {
        Set<String> sections = new TreeSet<>();
        Matcher headings = HEADING.matcher(read(Path.of("docs/contracts.md")));
        while (headings.find()) {
            sections.add(headings.group(1));
        }
        assertThat(sections).contains("1", "3.3", "11");
        List<String> dangling = new ArrayList<>();
        for (Path file : sources()) {
            Matcher cited = CITATION.matcher(read(file));
            while (cited.find()) {
                if (!sections.contains(cited.group(1))) {
                    dangling.add(file + ": §" + cited.group(1));
                }
            }
        }
        assertThat(dangling).isEmpty();
    }
}
