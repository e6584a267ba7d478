package io.sessiongrid.sni;

/** The application cluster was never registered with {@link SniService#registerApp(String, int)}. */
public final class UnknownAppException extends SniException {
    private final String appId;

    public UnknownAppException(String appId, PoolFigures figures) {
        super("unknown application '" + appId + "': register it with registerApp(appId, priority) first", figures,
                null);
        this.appId = appId;
    }

    public String appId() {
        return appId;
    }
}
