package dk.fristed.icpc;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * The codes ICPC-2 has: its rubrics (icpc2-rubrics.txt beside this class) and the process codes 30-69
 * of every chapter. A code of the right form that ICPC-2 does not have ({@code Z99}, {@code A12}) is a
 * typo a report would count under a diagnosis nobody made.
 */
public final class IcpcCodes {
    private static final List<String> ALL = load();
    private static final Set<String> SET = Set.copyOf(ALL);

    private IcpcCodes() {}

    public static boolean exists(String code) {
        return SET.contains(code);
    }

    /** Every code, in the order of the classification: chapter, then number. */
    public static List<String> all() {
        return ALL;
    }

    private static List<String> load() {
        TreeSet<String> codes = new TreeSet<>();
        InputStream in = IcpcCodes.class.getResourceAsStream("icpc2-rubrics.txt");
        if (in == null) {
            throw new IllegalStateException("icpc2-rubrics.txt is not packaged");
        }
        try (var reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                if (!line.isBlank() && !line.startsWith("#")) {
                    codes.addAll(chapter(line.strip().split(" +")));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return Collections.unmodifiableList(new ArrayList<>(codes));
    }

    /** One line: a chapter letter, then numbers and ranges ({@code 01-11 13 70-99}). */
    private static List<String> chapter(String[] parts) {
        IcpcChapter chapter = IcpcChapter.of(parts[0].charAt(0)).orElseThrow();
        List<String> codes = new ArrayList<>();
        for (int number = 30; number <= 69; number++) {
            codes.add(chapter.name() + number);
        }
        for (int i = 1; i < parts.length; i++) {
            String[] range = parts[i].split("-");
            int from = Integer.parseInt(range[0]);
            int to = Integer.parseInt(range[range.length - 1]);
            for (int number = from; number <= to; number++) {
                codes.add(String.format("%s%02d", chapter.name(), number));
            }
        }
        return codes;
    }
}
