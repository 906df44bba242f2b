package dev.clinicflow;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.modulith.Modulithic;

/**
 * Clinicflow: the backend for clinics and home-collection laboratories.
 */
@SpringBootApplication
@ConfigurationPropertiesScan
@Modulithic(sharedModules = "shared")
public class ClinicflowApplication {

	public static void main(String[] args) {
		SpringApplication.run(ClinicflowApplication.class, args);
	}

}
