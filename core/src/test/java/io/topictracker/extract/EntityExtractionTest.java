package io.topictracker.extract;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class EntityExtractionTest {

    private static final Extractor EXTRACTOR = Extractor.withDefaultTaxonomy();

    private static List<EntityMention> entities(String body) {
        return EXTRACTOR.extract(null, body).entities();
    }

    private static EntityMention mention(String name, EntityType type, int mentions) {
        return new EntityMention(name, type, mentions);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            The deal was signed by OpenAI and Microsoft on Friday.              | OpenAI     | ORG
            Engineers at Google released the paper.                            | Google     | ORG
            Researchers trained it with PyTorch on rented GPUs.                | PyTorch    | PRODUCT
            Regulators in the EU want answers.                                 | European Union | PLACE
            Officials in the U.S. disagreed.                                   | United States  | PLACE
            Users asked ChatGPT for help.                                      | ChatGPT    | PRODUCT
            She said Sam Altman had left the room.                             | Sam Altman | PERSON
            """)
    void shouldFindGazetteerEntitiesWithTheirType(String body, String name, EntityType type) {
        assertTrue(entities(body).contains(mention(name, type, 1)), entities(body).toString());
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            "We need rigour," said Dr. Rachel Kim, a leading researcher.              | Rachel Kim     | PERSON
            The quarter was strong, Jane Porter said on a call.                       | Jane Porter    | PERSON
            Its founder, Nadia Okafor, the CEO of the firm, declined to comment.    | Nadia Okafor   | PERSON
            The tools came from software company CloudiTwins last spring.             | CloudiTwins    | ORG
            Shares of Zentrix Labs rose sharply on the news.                         | Zentrix Labs   | ORG
            The start-up is based in Ruritania and hires locally.                    | Ruritania      | PLACE
            """)
    void shouldTypeUnknownNamesFromContextCues(String body, String name, EntityType type) {
        assertTrue(entities(body).contains(mention(name, type, 1)), entities(body).toString());
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            Researchers at Boston University disagreed.                               | Boston University | ORG
            She was taken to the Edinburgh Royal Infirmary twice.                     | Edinburgh Royal Infirmary | ORG
            A speech by the president of the Federal Reserve Bank of Kansas City.     | Federal Reserve Bank of Kansas City | ORG
            Thomas Ricks, a senior fellow at the Center for a New American Security. | Center for a New American Security | ORG
            The oil sank in the Gulf of Mexico last week.                             | Gulf of Mexico | PLACE
            The spill missed the Florida Keys entirely.                               | Florida Keys | PLACE
            The marines trained at Camp Pendleton in June.                            | Camp Pendleton | PLACE
            Students share notes with Google Drive and more.                          | Google Drive | PRODUCT
            Take notes with Simplenote (iOS only) during lectures.                    | Simplenote | PRODUCT
            The review was led by Navy Secretary Ray Mabus and others.                | Ray Mabus | PERSON
            Liberia's information minister, Lewis Brown, said the checks work.        | Lewis Brown | PERSON
            The dish hurt Curie, 21, a Korean exchange student.                       | Curie | PERSON
            Dave Martin reported from Steele, Ala., on Monday.                        | Steele | PLACE
            The study by EMarketer says ad spending will grow.                        | EMarketer | ORG
            Researchers at Zentrix AI released a model.                               | Zentrix AI | ORG
            Shares of Brightwave Inc fell after Brightwave Corp merged.               | Brightwave | ORG
            """)
    void shouldTypeLongerNamesAndContextCuesOfNewsText(String body, String name, EntityType type) {
        assertTrue(entities(body).stream().anyMatch(m -> m.name().equals(name) && m.type() == type), entities(body).toString());
    }

    @Test
    void shouldMergeAnAcronymDefinedInBracketsIntoTheFullName() {
        List<EntityMention> found = entities("""
                Experts at the National Oceanic and Atmospheric Administration (NOAA) said it was gone.
                But NOAA scientists later confirmed the plumes, and NOAA apologised.
                """);
        assertEquals(List.of(mention("National Oceanic and Atmospheric Administration", EntityType.ORG, 3)), found);
    }

    @Test
    void shouldMergeInitialsShortHeadsAndPluralsIntoTheFullName() {
        assertEquals(List.of(mention("Federal Open Market Committee", EntityType.ORG, 3)), entities(
                "The Federal Open Market Committee met. The FOMC kept rates. Later the FOMC said more."));
        assertEquals(List.of(mention("Marine Corps", EntityType.ORG, 3)), entities(
                "The Marine Corps is changing. The review of the Corps began, and the Corps agreed."));
    }

    @Test
    void shouldNotTakeAPlaceForTheSurnameOfAPersonOfTheArticle() {
        assertEquals(List.of(mention("Chris Kent", EntityType.PERSON, 2)),
                entities("Chris Kent, the CEO of the firm, spoke first. Later, Kent said no."));
    }

    @Test
    void shouldDropDemonymsAndKeepPossessivesOutOfNames() {
        assertEquals(List.of(mention("Liberia", EntityType.PLACE, 1)), entities("Liberian officials met in Liberia."));
        List<EntityMention> found = entities("After selling itself to Rupert Murdoch's Fox for $580 million, it grew.");
        assertTrue(found.contains(mention("Rupert Murdoch", EntityType.PERSON, 1)), found.toString());
    }

    @Test
    void shouldMergeALaterLoneSurnameIntoTheFullName() {
        List<EntityMention> found = entities("""
                An independent researcher named Connor Leahy posted a message.
                Weeks later the group had hundreds of members, Leahy said.
                """);
        assertEquals(List.of(mention("Connor Leahy", EntityType.PERSON, 2)), found);
    }

    @Test
    void shouldMergeSpacedAndHyphenatedSpellingsOfAKnownName() {
        assertEquals(List.of(mention("OpenAI", EntityType.ORG, 2)),
                entities("Researchers at Open AI and at OpenAI agreed."));
    }

    @Test
    void shouldCountMentionsAndSortByThemDescendingThenByName() {
        List<EntityMention> found = entities("Google and Apple met. Apple left early. Apple and Amazon stayed.");
        assertEquals(List.of(mention("Apple", EntityType.ORG, 3), mention("Amazon", EntityType.ORG, 1),
                mention("Google", EntityType.ORG, 1)), found);
    }

    @Test
    void shouldMatchGazetteerNamesCaseSensitively() {
        assertEquals(List.of(), entities("She ate an apple and read about amazon rainforests and meta analysis."));
    }

    @Test
    void shouldCountWeakNamesOnlyAloneAndMidSentence() {
        assertEquals(List.of(mention("Claude", EntityType.PRODUCT, 1)), entities("Users asked Claude to write a poem."));
        assertEquals(List.of(), entities("The work of Claude Shannon still matters."));
        assertEquals(List.of(), entities("The Open AI Dilemma"), "a title-case heading is no evidence");
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {
        "However, the results were mixed.",
        "The Conclusion section is short.",
        "Artificial Intelligence is reshaping work. We study Artificial Intelligence daily.",
        "AI is everywhere, and AI is here to stay.",
        "In the field of Machine Learning, Generative AI leads.",
        "Conclusion",
        "KEY TAKEAWAYS FROM THE EVENT",
        "I’ve observed firsthand how teams work.",
        "Big Tech is worried. The big tech firms lobbied hard.",
        "Prepare to Be Amazed: Hackers Are Taking AI to the Next Level!",
        "Last year, an independent researcher posted a message on Monday in January."
    })
    void shouldNotOutputGenericCapitalisedWords(String body) {
        assertEquals(List.of(), entities(body));
    }

    @Test
    void shouldDropAnUntypedNameSeenOnceAndKeepOneSeenTwice() {
        assertEquals(List.of(), entities("Engineers rewrote Quibble from scratch."));
        assertEquals(List.of(mention("Quibble", EntityType.ORG, 2)),
                entities("Engineers rewrote Quibble from scratch. Users of Quibble noticed."));
    }

    @Test
    void shouldNotTakeAWordTheArticleAlsoWritesInLowerCaseForAName() {
        assertEquals(List.of(), entities("Users of Cloud rejoiced. Users of Cloud left. Everything moved to the cloud."));
    }

    @Test
    void shouldIgnorePageClutterForEntities() {
        assertEquals(List.of(), entities("Posted on February 6, 2024 by Charles Dyer\nShare on Facebook\nlinkedin x facebook reddit email"));
    }

    @Test
    void shouldTakeExtraEntitiesFromTheTaxonomy() {
        Extractor extractor = new Extractor(Taxonomy.parse("""
                themes:
                  leaks: [leak]
                entities:
                  ORG: [Acme Corp|Acme]
                  PERSON: [Jane Q. Public]
                """, "custom.yaml"));
        List<EntityMention> found = extractor.extract(null, "Acme confirmed the leak. Jane Q. Public and Acme Corp disagreed.").entities();
        assertEquals(List.of(mention("Acme Corp", EntityType.ORG, 2), mention("Jane Q. Public", EntityType.PERSON, 1)), found);
    }
}
