"""kenri: answers creators' AI-copyright and opt-out questions from a cited corpus."""
