package dk.fristed.icpc;

import java.util.Optional;

/** The seventeen ICPC-2 chapters; the yearly reports count diagnoses by chapter. */
public enum IcpcChapter {
    A("General and unspecified"),
    B("Blood, blood forming organs and immune mechanism"),
    D("Digestive"),
    F("Eye"),
    H("Ear"),
    K("Cardiovascular"),
    L("Musculoskeletal"),
    N("Neurological"),
    P("Psychological"),
    R("Respiratory"),
    S("Skin"),
    T("Endocrine/metabolic and nutritional"),
    U("Urological"),
    W("Pregnancy, childbearing, family planning"),
    X("Female genital"),
    Y("Male genital"),
    Z("Social problems");

    private final String title;

    IcpcChapter(String title) {
        this.title = title;
    }

    public String title() {
        return title;
    }

    public static Optional<IcpcChapter> of(char letter) {
        for (IcpcChapter chapter : values()) {
            if (chapter.name().charAt(0) == letter) {
                return Optional.of(chapter);
            }
        }
        return Optional.empty();
    }
}
