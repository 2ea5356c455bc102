package dk.fristed.bench;

/** The bench module's version, which names its jar. */
final class BenchVersion {
    static final String VERSION = "0.1.0-SNAPSHOT";

    private BenchVersion() {}
}
