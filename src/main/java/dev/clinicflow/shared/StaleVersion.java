package dev.clinicflow.shared;

/**
 * An update named a version ({@code If-Match}) that is no longer the current one: someone
 * else changed the resource first. Answered with 412.
 */
public class StaleVersion extends RuntimeException {

	StaleVersion(String message) {
		super(message);
	}

	/**
	 * Builds the exception.
	 * @param resource what was updated
	 * @param current the current version
	 * @return the exception
	 */
	public static StaleVersion of(String resource, long current) {
		return new StaleVersion("The " + resource + " was changed by someone else; its current version is " + current
				+ ". Read it again and retry.");
	}

}
