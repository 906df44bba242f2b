package dev.clinicflow.shared;

import java.nio.file.Path;
import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of the whole service.
 *
 * @param dataDir where the embedded database and generated keys live
 * ({@code CLINICFLOW_DATA_DIR})
 * @param corsOrigins browser origins allowed to call the API
 * ({@code CLINICFLOW_CORS_ORIGINS}, comma-separated)
 */
@ConfigurationProperties("clinicflow")
public record PlatformProperties(@DefaultValue("./data") Path dataDir, @DefaultValue List<String> corsOrigins) {
}
