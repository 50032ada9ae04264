package org.coreg.registration.landmarks;

/** Landmarks that cannot be paired or fitted; the message says why in plain words (e.g. "the 3 pairs are collinear"). */
public class LandmarkException extends Exception {
    public LandmarkException(String message) {
        super(message);
    }
}
