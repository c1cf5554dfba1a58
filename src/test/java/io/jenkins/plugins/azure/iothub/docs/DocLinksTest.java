package io.jenkins.plugins.azure.iothub.docs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** Relative links in README.md and docs/ point at files and headings that exist. */
class DocLinksTest {

    private static final Pattern LINK = Pattern.compile("\\]\\(([^)\\s]+)\\)");
    private static final Pattern HEADING = Pattern.compile("(?m)^#{1,6}\\s+(.+?)\\s*$");

    @Test
    void relativeLinksAndAnchorsResolve() {
        List<String> broken = new ArrayList<>();
        int checked = 0;
        for (Path file : DocFiles.markdown()) {
            Matcher m = LINK.matcher(withoutCodeBlocks(DocFiles.read(file)));
            while (m.find()) {
                String target = m.group(1);
                if (target.matches("[a-z]+:.*")) {
                    continue; // http(s), mailto: not checked offline
                }
                checked++;
                int hash = target.indexOf('#');
                String path = hash < 0 ? target : target.substring(0, hash);
                Path linked = path.isEmpty() ? file : file.getParent().resolve(path).normalize();
                if (!Files.exists(linked)) {
                    broken.add(DocFiles.root().relativize(file) + ": " + target + " (no such file)");
                } else if (hash >= 0 && !anchors(linked).contains(target.substring(hash + 1))) {
                    broken.add(DocFiles.root().relativize(file) + ": " + target + " (no such heading)");
                }
            }
        }
        assertTrue(broken.isEmpty(), () -> "broken links:\n" + String.join("\n", broken));
        assertTrue(checked >= 20, "expected the docs' links, checked " + checked);
    }

    @Test
    void anchorsFollowGitHubRules() {
        assertEquals("credentials-ids-and-content", slug("Credentials: ids and content"));
        assertEquals("test-connection-and-form-checks", slug("Test connection and form checks"));
        assertEquals("what-the-step-returns", slug("What the step returns"));
    }

    private static Set<String> anchors(Path markdown) {
        Set<String> anchors = new LinkedHashSet<>();
        if (markdown.toString().endsWith(".md")) {
            Matcher m = HEADING.matcher(withoutCodeBlocks(DocFiles.read(markdown)));
            while (m.find()) {
                anchors.add(slug(m.group(1)));
            }
        }
        return anchors;
    }

    /** GitHub's heading ids: lower case, punctuation dropped, blanks to hyphens. */
    static String slug(String heading) {
        return heading.toLowerCase(Locale.ROOT).replace("`", "").replaceAll("[^\\p{L}\\p{N} _-]", "")
                .replace(' ', '-');
    }

    private static String withoutCodeBlocks(String markdown) {
        return markdown.replaceAll("(?s)```.*?```", "");
    }
}
