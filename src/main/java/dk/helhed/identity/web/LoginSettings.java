package dk.helhed.identity.web;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Which ways in the login page offers. (The security filter chain in the platform module reads the same property to
 * switch the form's processing on or off.)
 *
 * @param localEnabled offer the local form (user name and password); turn it off when everyone logs in through the
 *        municipality's identity provider
 */
@ConfigurationProperties("helhed.login")
record LoginSettings(@DefaultValue("true") boolean localEnabled) {
}
