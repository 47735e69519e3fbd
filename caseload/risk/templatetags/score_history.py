from django import template

register = template.Library()


@register.filter
def band_in_words(band: str) -> str:
    """ "VERY_HIGH" reads "Very high", "NOT_APPLICABLE" "Not applicable"; "" reads "–"."""
    return band.replace("_", " ").capitalize() if band else "–"
