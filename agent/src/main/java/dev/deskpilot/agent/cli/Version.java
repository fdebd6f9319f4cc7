package dev.deskpilot.agent.cli;

import picocli.CommandLine.IVersionProvider;

final class Version implements IVersionProvider {
    @Override
    public String[] getVersion() {
        String v = Version.class.getPackage().getImplementationVersion();
        return new String[] {"deskpilot " + (v == null ? "development build" : v)};
    }
}
