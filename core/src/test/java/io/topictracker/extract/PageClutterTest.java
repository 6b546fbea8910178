package io.topictracker.extract;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class PageClutterTest {

    /** The tag cloud line of seed 002, as scraped. */
    private static final String TAG_CLOUD = "Artificial General Intelligence Artificial Intelligence Automation "
            + "Automobiles Bitcoin Blockchain Business Cloud Computing Cryptocurrency Culture Cyber Security Data "
            + "Data Analytics Education Enterprise ESG Ethics EVs Faith Family Future Generative AI Google Healthcare "
            + "Technology Innovation Leadership LLM Machine Learning Manufacturing Marketing Microsoft Multimodal AI "
            + "National Security OpenAI Open Source Privacy Productivity Remote Work Security ServiceNow Social Media "
            + "Strategy Technology Training Vulnerabilities";

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {
        // navigation and menus (seed 002)
        "Skip to content",
        "Menu",
        "  • Home",
        "  • Engage",
        // bylines and dates
        "Posted on February 6, 2024February 6, 2024 by Charles Dyer",
        "By Jane Doe",
        "February 6, 2024",
        // archive month lists
        "  • April 2025",
        "  • March 2024",
        "November 2024 (3)",
        "June 2020",
        // sharing
        "Share on Social Media",
        "linkedin x facebook reddit email",
        "Twitter | Facebook | Email",
        // footers
        "© 2025 ShyftLogic. | Powered by Superbs Personal Blog theme",
        "Copyright 2024 Example Media. All rights reserved.",
        "Powered by WordPress",
        // HTML debris and shortcodes (seeds 003 and 000)
        "\"alignnone size-medium wp-image-4\" src=\"\" alt=\"The Leak That Has Big Tech and Regulators Panicked\" />",
        "{{< youtube SA2ITiyj1wA >}}",
        // rules, markers, captions and prompts
        "*****",
        "###",
        "Leave a Reply",
        "Original article",
        "Privacy Policy",
        "Image Prompt: A futuristic illustration of a data center, with AI models and servers in the background.",
        "Get the Latest Tech News Delivered Every Day",
        "Tags: AI, Security, Privacy",
        TAG_CLOUD
    })
    void shouldRecognisePageChrome(String line) {
        assertTrue(PageClutter.isClutter(line), line);
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {
        "The Open AI Dilemma: Balancing Innovation with Ethical Challenges",
        "Advantages of Open Source AI",
        "Conclusion",
        "Key Takeaways",
        "Navigating the Future of Open Source AI",
        "In the rapidly evolving landscape of artificial intelligence (AI), the debate around open-sourcing technology and code is more pertinent than ever.",
        "- Data leaks like the one that surfaced last month highlight the importance of AI security and data governance in the tech industry.",
        "  • What is open-source software?",
        "Share prices fell 5% after the leak.",
        "By 2030, most cars will be electric.",
        "May 2024 was a record month for chip sales.",
        "Powered by Nvidia chips, the new server trains models twice as fast.",
        "Privacy advocates, security researchers and Google engineers met in Brussels on Monday to discuss new rules.",
        "How Big Tech Lost Its Grip On The Open Source Movement"
    })
    void shouldKeepArticleSentencesAndHeadings(String line) {
        assertFalse(PageClutter.isClutter(line), line);
    }

    @Test
    void shouldKeepARepeatedLineOnce() {
        List<String> kept = PageClutter.keptLines("""
                The open-source revolution has come to A.I.
                The open-source revolution has come to A.I.
                Something else.
                The open-source revolution has come to A.I.
                """);
        assertEquals(List.of("The open-source revolution has come to A.I.", "Something else."), kept);
    }

    @Test
    void shouldReadAShortLineWithOddSpacingAsItsWords() {
        // Spacing, tabs and non-breaking spaces aside, these are the navigation line and a repeat.
        assertEquals(List.of("Open source wins", "Body text."), PageClutter.keptLines(
                "Open source wins\nSkip  to   content\nSkip\tto content\nOpen  source\u00A0wins\nBody text."));
    }

    @Test
    void shouldTreatAMarkdownHeadingThatRepeatsALineAsARepeat() {
        assertEquals(List.of("Prepare to Be Amazed", "Body text."),
                PageClutter.keptLines("Prepare to Be Amazed\n# Prepare to Be Amazed\nBody text."));
    }

    @Test
    void shouldDropTheAuthorBoxAfterTheShareButtonsAtTheEndOfAPage() {
        String article = "This is a sentence of the article that goes on for a while. ".repeat(20);
        List<String> kept = PageClutter.keptLines(article + "\nShare on Social Media\nlinkedin x facebook reddit email\n"
                + "Charles A. Dyer\nA seasoned technology leader with roles in blockchain and web3.\n");
        assertEquals(List.of(article.strip()), kept);
    }

    @Test
    void shouldKeepTheArticleWhenShareButtonsComeFirst() {
        String article = "This is a sentence of the article that goes on for a while. ".repeat(20);
        List<String> kept = PageClutter.keptLines("Share on Social Media\n" + article);
        assertEquals(List.of(article.strip()), kept);
    }

    @Test
    void shouldStripTheChromeOfSeed002AndKeepItsArticle() {
        String page = SeedArticle.load("002_728830cd7c627d4c.txt").body();
        String kept = PageClutter.strip(page);
        assertTrue(page.contains(TAG_CLOUD), "the fixture has the tag cloud");
        for (String chrome : List.of("Skip to content", "• Home", "Posted on", "Share on", "linkedin x facebook",
                "April 2025", "Powered by", "Privacy Productivity", "A seasoned technology leader")) {
            assertFalse(kept.contains(chrome), chrome);
        }
        for (String article : List.of("The Open AI Dilemma", "Advantages of Open Source AI", "platforms like TensorFlow and PyTorch",
                "Conclusion", "aligned with the greater good.")) {
            assertTrue(kept.contains(article), article);
        }
    }
}
