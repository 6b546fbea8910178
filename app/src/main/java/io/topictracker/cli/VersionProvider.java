package io.topictracker.cli;

import picocli.CommandLine.IVersionProvider;

/** Reads the version from the jar manifest (set by the build). */
final class VersionProvider implements IVersionProvider {

    @Override
    public String[] getVersion() {
        String version = VersionProvider.class.getPackage().getImplementationVersion();
        return new String[] {"topic-tracker " + (version == null ? "(development build)" : version)};
    }
}
