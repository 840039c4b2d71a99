"""planck harvest: the published figures in a bulletin, report or press text (reading is
planck.extract.reading's), matched to a city's indicators and proposed for recording."""
